import stripAnsi from 'strip-ansi';
import type { Lookup } from './types.js';

/** Control characters out, white space folded: what is left is what the person meant to type. */
export function cleanInput(text: string): string {
  return (
    // A terminal escape sequence (colour codes pasted from a console, "\x1b[31m") goes whole: with
    // only its control character dropped, "[31m" would be read as a number the report never gives.
    stripAnsi(text)
      .replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ')
      // Mentions are not questions: @everyone, @here, <@user>, <@&role>, <#channel>.
      .replace(/@(?:everyone|here)\b|<(?:@[!&]?|#)\d+>/gi, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** What to type, for a lookup asked with nothing. */
export const EMPTY_HINTS: Readonly<Record<Lookup, string>> = Object.freeze({
  ask: 'Ask a question about the story, for example: who is leading the talks?',
  who: 'Name someone from the story, for example: Witkoff.',
  when: 'Name an event, for example: Driscoll arrived in Ukraine.',
  source: 'Give a line number of the report, or a phrase from it.',
  entry: 'Name an entry.',
});

import { tokens } from '../language.js';
import { normalize } from '../text.js';
import type { Answer, KnowledgeBase } from '../types.js';
import { ask } from './ask.js';
import { isPolar } from './polar.js';
import { defaultStory, sourceLine } from './source.js';

/**
 * A question about a phrase the member quotes ("what does 'parallel development' refer to"): the
 * phrase is the subject, the words around it only ask what it means. Answered by the entry the
 * phrase alone finds, or else by the line of the report it comes from.
 */
export function quotedPhrase(kb: KnowledgeBase, text: string): Answer | undefined {
  const phrase = QUOTED.exec(text)?.[1];
  // "Did he say 'a little disappointed'?" asks yes or no, about the quote: the yes/no path answers it.
  if (!phrase || isPolar(tokens(text), text)) return undefined;
  const wanted = normalize(phrase);
  const story = defaultStory(kb);
  const line = story.lines.findIndex((l, i) => !story.links.has(i + 1) && ` ${normalize(l)} `.includes(` ${wanted} `));
  if (line < 0) return undefined;
  const entry = ask(kb, phrase);
  if (entry.status === 'answered' && entry.sources.some((s) => s.line === line + 1)) return entry;
  return { ...sourceLine(story, line + 1), lookup: 'ask' };
}

/** A phrase between double, single or curly quotes (not apostrophes), at least three characters long. */
const QUOTED = /(?:^|[\s(])["“‘']([^"“”‘’']{3,80})["”’'](?=$|[\s?.,!:;)])/;

import type { Entry, Source } from '../knowledge/types.js';
import type { Answer, Lookup, Suggestion } from './types.js';

/** The constructors every lookup builds its `Answer` with. */

/** An entry as the reply: its answer, or for a gap, the decline it is. */
export function fromEntry(lookup: Lookup, entry: Entry, confidence: number): Answer {
  if (entry.kind === 'gap') {
    return {
      ...decline(lookup, entry.answer, [], confidence),
      sources: [...entry.sources],
      entry: entry.id,
      missing: entry.missing,
    };
  }
  return { ...answered(lookup, entry.answer, entry.sources, entry.id, confidence), conflict: entry.conflict };
}

/** An answer from its quoted sources: the entry (or `line:N`) it comes from. */
export function answered(
  lookup: Lookup,
  text: string,
  sources: readonly Source[],
  entry: string,
  confidence: number,
): Answer {
  return {
    status: 'answered',
    lookup,
    answer: text,
    text,
    sources: [...sources],
    confidence: round(confidence),
    entry,
    suggestions: [],
    conflict: false,
    missing: null,
    story: null,
  };
}

/** No answer: `text` says why, suggestions (if any) say what might have been meant. */
export function decline(lookup: Lookup, text: string, suggestions: Suggestion[] = [], confidence = 0): Answer {
  return {
    status: 'not_found',
    lookup,
    answer: null,
    text,
    sources: [],
    confidence: round(confidence),
    entry: null,
    suggestions,
    conflict: false,
    missing: null,
    story: null,
  };
}

/** A decline that offers choices: the engine is not sure, and asks back. */
export function askBack(lookup: Lookup, text: string, suggestions: Suggestion[], confidence: number): Answer {
  return { ...decline(lookup, text, suggestions, confidence), status: 'unsure' };
}

export function suggestionOf(scored: { entry: Entry }): Suggestion {
  return { id: scored.entry.id, title: scored.entry.title, story: scored.entry.story };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

import { MAX_SUGGESTIONS } from './limits.js';
import { askBack, decline, fromEntry, suggestionOf } from './reply.js';
import type { ResolvedWord } from './resolve.js';
import type { ScoredEntry } from './score.js';
import { clip, normalize } from './text.js';
import type { Tuning } from './tuning.js';
import type { Answer, Lookup } from './types.js';

/** From ranked entries to a reply: answer the best, ask back with the near ones, or decline and say why. */
export function decide(
  tuning: Tuning,
  lookup: Lookup,
  ranked: readonly ScoredEntry[],
  words: readonly ResolvedWord[],
  text: string,
): Answer {
  const top = ranked[0];
  const unknown = words.filter((w) => w.unknown);
  const missing = unknown.length ? nameWords(text, unknown) : null;

  // A word the knowledge has never seen is a subject the report does not cover: never answer around it.
  // (A gap entry is answered by fromEntry as the decline it is.)
  if (top && top.score >= tuning.answer && !missing) return fromEntry(lookup, top.entry, top.score);

  const suggestions = ranked
    .filter((r) => r.score >= tuning.suggest && r.entry.kind !== 'gap')
    .slice(0, MAX_SUGGESTIONS)
    .map(suggestionOf);
  const confidence = top?.score ?? 0;
  if (missing) {
    return { ...decline(lookup, `The report doesn't mention ${missing}.`, suggestions, confidence), missing };
  }
  if (suggestions.length > 0) {
    return askBack(lookup, "I'm not sure the report answers that. Did you mean:", suggestions, confidence);
  }
  return decline(
    lookup,
    "The report doesn't say. I couldn't match that to anything it covers; try /help for what it does.",
    [],
    confidence,
  );
}

/** The unknown words as the person typed them, in a short list: “China” or “China” and “Biden”. */
function nameWords(text: string, words: readonly ResolvedWord[]): string {
  const typed = text.split(/\s+/).map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  const names = [
    ...new Set(
      words.map(
        (w) => typed.find((t) => normalize(t) === w.word || normalize(t).split(' ').includes(w.word)) ?? w.word,
      ),
    ),
  ]
    .slice(0, 3)
    .map((n) => `“${clip(n, 40)}”`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0]!;
}

import Fuse from 'fuse.js';
import { typoDistance } from './text.js';

/**
 * Typo correction against the knowledge's own vocabulary: fuse.js shortlists words, an edit
 * distance that counts a swap as one typo confirms them.
 */

/** One fuse.js index per first letter: people rarely mistype the first letter. */
export function vocabularyBuckets(words: readonly string[]): Map<string, Fuse<string>> {
  const buckets = new Map<string, string[]>();
  for (const w of words) {
    const list = buckets.get(w[0]!) ?? [];
    list.push(w);
    buckets.set(w[0]!, list);
  }
  return new Map(
    [...buckets].map(([letter, list]) => [
      letter,
      new Fuse(list, { includeScore: true, threshold: 0.4, ignoreLocation: true }),
    ]),
  );
}

/** Largest edit distance accepted as a typo, by word length: short words have many neighbours. */
export function typoBudget(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/** The vocabulary word `word` is a typo of, if any; numbers are never corrected. */
export function correctTypo(buckets: ReadonlyMap<string, Fuse<string>>, word: string): string | undefined {
  const budget = typoBudget(word.length);
  if (budget === 0 || /\d/.test(word)) return undefined;
  let best: { word: string; d: number } | undefined;
  // The word's own first letter, and its second in case the first two were swapped ("rtump").
  const letters = new Set([word[0]!, word[1]!]);
  const hits = [...letters].flatMap((letter) => buckets.get(letter)?.search(word, { limit: 8 }) ?? []);
  for (const hit of hits) {
    const d = typoDistance(word, hit.item, budget);
    if (d <= budget && (!best || d < best.d)) best = { word: hit.item, d };
  }
  return best?.word;
}

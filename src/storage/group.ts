import { normalize, stripPreamble, termSet, typoDistance } from '../engine/text.js';

/**
 * Near-duplicate questions. At write time each question gets a key (its content words, stemmed,
 * sorted, without filler), so "what about China?" and "hey bot, what about china" count as one;
 * at read time keys a typo or a word apart are merged.
 */
export function groupKey(text: string): string {
  const terms = [...termSet(stripPreamble(text))].sort();
  return terms.length ? terms.join(' ') : normalize(text);
}

export interface Groupable {
  groupKey: string;
  asks: number;
  lastAsked: number;
}

/**
 * Merges groups whose keys are near-duplicates into the most asked of them: the same words but
 * for typos, or one word more or less among three or more. Input most asked first; output too.
 */
export function mergeNearDuplicates<G extends Groupable>(groups: readonly G[]): (G & { merged: string[] })[] {
  const out: (G & { merged: string[] })[] = [];
  for (const g of groups) {
    const home = out.find((o) => nearDuplicate(o.groupKey, g.groupKey));
    if (!home) {
      out.push({ ...g, merged: [] });
      continue;
    }
    home.asks += g.asks;
    home.lastAsked = Math.max(home.lastAsked, g.lastAsked);
    home.merged.push(g.groupKey);
  }
  return out.sort((a, b) => b.asks - a.asks || b.lastAsked - a.lastAsked);
}

export function nearDuplicate(a: string, b: string): boolean {
  if (a === b) return true;
  const x = a.split(' ');
  const y = b.split(' ');
  const matched = x.filter((w) => y.some((v) => sameWord(w, v))).length;
  const larger = Math.max(x.length, y.length);
  const smaller = Math.min(x.length, y.length);
  if (matched === larger && smaller === larger) return true;
  return smaller >= 3 && larger - smaller <= 1 && matched >= smaller;
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const budget = Math.min(a.length, b.length) >= 5 ? 1 : 0;
  return budget > 0 && typoDistance(a, b, budget) <= budget;
}

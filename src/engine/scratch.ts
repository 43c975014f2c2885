import type { SearchIndex } from './search-index.js';

/**
 * Working arrays for scoring, one set per index, reused by every query and left zeroed after
 * each: a question then costs its postings, not an allocation the size of the knowledge.
 * Scoring is synchronous, so no two queries ever share them at once.
 */
export interface Scratch {
  /** Per document: weight of the question's terms it holds. */
  docHits: Float64Array;
  /** Per entry: the best share of one of its documents that the question covers. */
  precision: Float64Array;
  /** Per entry: weight of the question's terms it holds anywhere. */
  covered: Float64Array;
  /** Per entry: the people asked about that it mentions, a bit each (see score.ts). */
  names: Uint8Array;
  seen: Uint8Array;
  /** Entries touched by this query, in touched[0..touchedCount). */
  touched: Int32Array;
  touchedCount: number;
}

const scratches = new WeakMap<SearchIndex, Scratch>();

export function scratchFor(index: SearchIndex): Scratch {
  let s = scratches.get(index);
  if (!s) {
    const n = index.entries.length;
    s = {
      docHits: new Float64Array(index.docEntry.length),
      precision: new Float64Array(n),
      covered: new Float64Array(n),
      names: new Uint8Array(n),
      seen: new Uint8Array(n),
      touched: new Int32Array(n),
      touchedCount: 0,
    };
    scratches.set(index, s);
  }
  return s;
}

export function touch(s: Scratch, entry: number): void {
  if (s.seen[entry] === 0) {
    s.seen[entry] = 1;
    s.touched[s.touchedCount++] = entry;
  }
}

/** Zeroes what one entry left behind. */
export function release(s: Scratch, entry: number): void {
  s.precision[entry] = 0;
  s.covered[entry] = 0;
  s.names[entry] = 0;
  s.seen[entry] = 0;
}

import { normalize } from '../engine/text.js';
import type { Entry } from './types.js';

/**
 * Each entry's phrasings, normalised once. The loader normalises every phrasing to check that no
 * two entries of a story share one; the index needs them normalised again. Kept here, beside the
 * entry rather than in it, so the knowledge stays what the files say: an entry the loader did not
 * see (a copy sent by the load worker, one built in a test) is normalised when asked for.
 */
const phrasings = new WeakMap<Entry, readonly string[]>();

export function rememberNormalizedPhrasings(entry: Entry, normalized: readonly string[]): void {
  phrasings.set(entry, normalized);
}

export function normalizedPhrasings(entry: Entry): readonly string[] {
  return phrasings.get(entry) ?? entry.phrasings.map(normalize);
}

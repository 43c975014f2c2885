import type { SearchIndex } from './search-index.js';
import { contentWords, type QueryWord } from './text.js';
import { correctTypo } from './typo.js';

/** A word of the question, resolved against the knowledge's vocabulary. */
export interface ResolvedWord extends QueryWord {
  /** Not in the knowledge at all, even allowing for a typo. */
  unknown: boolean;
  weight: number;
}

/** The question's content words, each matched to a term of the knowledge, typos corrected. */
export function resolveWords(index: SearchIndex, text: string): ResolvedWord[] {
  return contentWords(text, index.synonyms).map((w): ResolvedWord => {
    if (index.idf.has(w.term)) return { ...w, unknown: false, weight: index.idf.get(w.term)! };
    const corrected = correctTypo(index.vocabularyFuse, w.word);
    if (corrected) {
      const term = index.vocabulary.get(corrected)!;
      return { word: corrected, term, unknown: false, weight: index.idf.get(term)! };
    }
    // A word the knowledge never uses is at least as specific as its rarest word.
    return { ...w, unknown: true, weight: index.maxIdf };
  });
}

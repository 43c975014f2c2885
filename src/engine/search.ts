import Fuse from 'fuse.js';
import type { Entry, EntryKind, EventEntry, Knowledge, PersonEntry } from '../knowledge/types.js';
import { contentWords, normalize, QUESTION_WORDS, synonymsOf, typoDistance, type QueryWord, type Synonyms } from './text.js';

/**
 * Search structures built once per knowledge base. A long question is matched through an inverted
 * index of terms (cost grows with the postings of its words, not with the number of entries);
 * fuse.js is used where it is strong: short strings, i.e. correcting a misspelt word against the
 * knowledge's vocabulary, and matching names and aliases.
 */
export interface SearchIndex {
  readonly entries: readonly Entry[];
  readonly byId: ReadonlyMap<string, Entry>;
  /** One document per phrasing (and one per answer); `entry` indexes `entries`. */
  readonly docs: readonly Doc[];
  readonly postings: ReadonlyMap<string, readonly number[]>;
  readonly idf: ReadonlyMap<string, number>;
  readonly maxIdf: number;
  /** Normalized words of the knowledge, for typo correction, with the term each folds to. */
  readonly vocabulary: ReadonlyMap<string, string>;
  readonly vocabularyFuse: Fuse<string>;
  readonly aliasFuse: Fuse<AliasRow>;
  /** Dated events by their time words, event and phrasings: for /when autocomplete. */
  readonly eventFuse: Fuse<EventEntry>;
  readonly synonyms: Synonyms;
  /** Per entry: the terms of its phrasings, and of its answer. */
  readonly phrasingTerms: readonly ReadonlySet<string>[];
  readonly answerTerms: readonly ReadonlySet<string>[];
  /** Terms of people's names: a question naming someone is not answered by an entry that does not. */
  readonly nameTerms: ReadonlySet<string>;
}

export interface Doc {
  entry: number;
  /** Answers are long and say more than was asked: they count for less than a phrasing. */
  isAnswer: boolean;
  terms: readonly string[];
  weight: number;
}

export interface AliasRow {
  entry: number;
  alias: string;
}

/** A question word is worth this much, whatever its frequency: it decides what kind of fact is wanted. */
const QUESTION_WORD_WEIGHT = 2;
/** Words of a name that are titles, shared by many people, not names. */
const NAME_TITLES: ReadonlySet<string> = new Set(['gen', 'general', 'col', 'colonel', 'president', 'mr']);
/** A term found only in an entry's answer counts for this share of one found in its phrasings. */
const ANSWER_CREDIT = 0.7;

export function buildIndex(knowledge: Knowledge): SearchIndex {
  const entries = knowledge.entries;
  const docTexts: { entry: number; text: string; isAnswer: boolean }[] = [];
  entries.forEach((e, i) => {
    for (const text of e.phrasings) docTexts.push({ entry: i, text, isAnswer: false });
    docTexts.push({ entry: i, text: e.answer, isAnswer: true });
  });

  const synonyms = synonymsOf(knowledge.synonyms);
  const vocabulary = new Map<string, string>();
  const entryDf = new Map<string, Set<number>>();
  const phrasingTerms = entries.map(() => new Set<string>());
  const answerTerms = entries.map(() => new Set<string>());
  const docWords = docTexts.map((d) => {
    const words = contentWords(d.text, synonyms);
    for (const w of words) {
      vocabulary.set(w.word, w.term);
      let set = entryDf.get(w.term);
      if (!set) entryDf.set(w.term, (set = new Set()));
      set.add(d.entry);
      (d.isAnswer ? answerTerms : phrasingTerms)[d.entry]!.add(w.term);
    }
    return words;
  });
  const nameTerms = new Set<string>();
  for (const e of entries) {
    if (e.kind !== 'person') continue;
    for (const w of contentWords(e.name, synonyms)) if (!NAME_TITLES.has(w.word)) nameTerms.add(w.term);
  }

  const n = entries.length;
  const idf = new Map<string, number>();
  let maxIdf = 1;
  for (const [term, set] of entryDf) {
    const value = QUESTION_WORDS.has(term) ? QUESTION_WORD_WEIGHT : Math.log(1 + n / set.size);
    idf.set(term, value);
    if (value > maxIdf) maxIdf = value;
  }

  const postings = new Map<string, number[]>();
  const docs: Doc[] = docTexts.map((d, docIndex) => {
    const terms = [...new Set(docWords[docIndex]!.map((w) => w.term))];
    for (const t of terms) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(docIndex);
    }
    const weight = terms.reduce((sum, t) => sum + (idf.get(t) ?? 0), 0);
    return { entry: d.entry, isAnswer: d.isAnswer, terms, weight };
  });

  const aliasRows: AliasRow[] = [];
  entries.forEach((e, i) => {
    if (e.kind !== 'person') return;
    for (const alias of new Set([e.name, ...e.aliases].map(normalize))) aliasRows.push({ entry: i, alias });
  });

  return {
    synonyms,
    phrasingTerms,
    answerTerms,
    nameTerms,
    entries,
    byId: new Map(entries.map((e) => [e.id, e])),
    docs,
    postings,
    idf,
    maxIdf,
    vocabulary,
    vocabularyFuse: new Fuse([...vocabulary.keys()], { includeScore: true, threshold: 0.4, ignoreLocation: true }),
    aliasFuse: new Fuse(aliasRows, {
      keys: ['alias'],
      includeScore: true,
      threshold: 0.4,
      ignoreLocation: true,
      // Short aliases ("Vance") must match whole, not as a fragment of a longer word.
      minMatchCharLength: 2,
    }),
    eventFuse: new Fuse(
      entries.filter((e): e is EventEntry => e.kind === 'event'),
      { keys: ['when', 'event', 'phrasings'], includeScore: true, threshold: 0.4, ignoreLocation: true },
    ),
  };
}

/** A word of the question, resolved against the knowledge's vocabulary. */
export interface ResolvedWord extends QueryWord {
  /** Spelled differently from how the knowledge spells it, and corrected to it. */
  correctedFrom?: string;
  /** Not in the knowledge at all, even allowing for a typo. */
  unknown: boolean;
  weight: number;
}

/** Largest edit distance accepted as a typo, by word length: short words have many neighbours. */
export function typoBudget(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

export function resolveWords(index: SearchIndex, text: string): ResolvedWord[] {
  return contentWords(text, index.synonyms).map((w): ResolvedWord => {
    if (index.idf.has(w.term)) return { ...w, unknown: false, weight: index.idf.get(w.term)! };
    const corrected = correctTypo(index, w.word);
    if (corrected) {
      const term = index.vocabulary.get(corrected)!;
      return { word: corrected, term, correctedFrom: w.word, unknown: false, weight: index.idf.get(term)! };
    }
    // A word the knowledge never uses is at least as specific as its rarest word.
    return { ...w, unknown: true, weight: index.maxIdf };
  });
}

function correctTypo(index: SearchIndex, word: string): string | undefined {
  const budget = typoBudget(word.length);
  if (budget === 0 || /\d/.test(word)) return undefined;
  let best: { word: string; d: number } | undefined;
  for (const hit of index.vocabularyFuse.search(word, { limit: 8 })) {
    const d = typoDistance(word, hit.item, budget);
    if (d <= budget && (!best || d < best.d)) best = { word: hit.item, d };
  }
  return best?.word;
}

export interface ScoredEntry {
  entry: Entry;
  score: number;
  /** Share of the question's weight the entry covers. */
  recall: number;
}

/**
 * Scores entries against the resolved words of a question. Each document is scored by a
 * recall-weighted F-measure: recall (how much of the question the phrasing covers) matters more
 * than precision (how much of the phrasing the question covers), because people leave words out
 * more often than they add them. An entry scores as its best document.
 */
export function scoreEntries(
  index: SearchIndex,
  words: readonly ResolvedWord[],
  kinds?: ReadonlySet<EntryKind>,
): ScoredEntry[] {
  const queryTerms = new Map<string, number>();
  let queryWeight = 0;
  for (const w of words) {
    if (queryTerms.has(w.term)) continue;
    queryTerms.set(w.term, w.weight);
    queryWeight += w.weight;
  }
  if (queryWeight === 0) return [];

  const matched = new Map<number, number>();
  for (const [term, weight] of queryTerms) {
    const list = index.postings.get(term);
    if (!list) continue;
    for (const doc of list) matched.set(doc, (matched.get(doc) ?? 0) + weight);
  }

  // Precision: the best share of any one phrasing the question covers.
  const precisionOf = new Map<number, number>();
  for (const [docIndex, hit] of matched) {
    const doc = index.docs[docIndex]!;
    const precision = Math.min(1, hit / doc.weight) * (doc.isAnswer ? ANSWER_CREDIT : 1);
    if (precision > (precisionOf.get(doc.entry) ?? 0)) precisionOf.set(doc.entry, precision);
  }

  const asksWhen = queryTerms.has('when');
  const asksWhy = queryTerms.has('why') || queryTerms.has('how') || queryTerms.has('where') || asksWhen;
  const names = [...queryTerms.keys()].filter((t) => index.nameTerms.has(t));
  const out: ScoredEntry[] = [];
  for (const [entryIndex, precision] of precisionOf) {
    const entry = index.entries[entryIndex]!;
    if (kinds && !kinds.has(entry.kind)) continue;
    const phrased = index.phrasingTerms[entryIndex]!;
    const answered = index.answerTerms[entryIndex]!;
    // Recall over the whole entry: one phrasing may name the person, another the act.
    let covered = 0;
    for (const [term, weight] of queryTerms) {
      if (phrased.has(term)) covered += weight;
      else if (answered.has(term)) covered += weight * ANSWER_CREDIT;
    }
    const recall = covered / queryWeight;
    let score = fMeasure(precision, recall, 2);
    // Asked about someone the entry never mentions: it cannot be the answer.
    if (names.some((t) => !phrased.has(t) && !answered.has(t))) score *= 0.5;
    // "When" wants a dated event; a profile of a person answers "who", not "why" or "how".
    if (entry.kind === 'event' && !asksWhen) score *= 0.9;
    if (entry.kind === 'person' && asksWhy) score *= 0.9;
    out.push({ entry, score, recall });
  }
  return out.sort((a, b) => b.score - a.score);
}

function fMeasure(precision: number, recall: number, beta: number): number {
  if (precision === 0 || recall === 0) return 0;
  const b2 = beta * beta;
  return ((1 + b2) * precision * recall) / (b2 * precision + recall);
}

export interface PersonMatch {
  person: PersonEntry;
  /** 1 is an exact alias match. */
  score: number;
}

/** People whose name or alias looks like the text, best first, one row per person. */
export function matchPeople(index: SearchIndex, text: string): PersonMatch[] {
  const query = normalize(text);
  if (!query) return [];
  const seen = new Set<number>();
  const out: PersonMatch[] = [];
  for (const hit of index.aliasFuse.search(query, { limit: 20 })) {
    if (seen.has(hit.item.entry)) continue;
    seen.add(hit.item.entry);
    out.push({ person: index.entries[hit.item.entry] as PersonEntry, score: 1 - (hit.score ?? 1) });
  }
  return out;
}

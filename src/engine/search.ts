import Fuse from 'fuse.js';
import type { Entry, EntryKind, EventEntry, Knowledge } from '../knowledge/types.js';
import {
  contentWords,
  normalize,
  QUESTION_WORDS,
  synonymsOf,
  typoDistance,
  type QueryWord,
  type Synonyms,
} from './text.js';

/**
 * Search structures built once per knowledge base. A long question is matched through an inverted
 * index of terms (cost grows with the postings of its words, not with the number of entries);
 * fuse.js is used where it is strong: short strings, i.e. correcting a misspelt word against the
 * knowledge's vocabulary, and matching names and aliases.
 */
export interface SearchIndex {
  readonly entries: readonly Entry[];
  readonly byId: ReadonlyMap<string, Entry>;
  /**
   * One document per phrasing and one per answer, in flat typed arrays so that scoring a question
   * is additions over postings, with no per-question allocation proportional to the knowledge.
   */
  readonly docEntry: Int32Array;
  readonly docWeight: Float64Array;
  readonly docIsAnswer: Uint8Array;
  /** term -> documents holding it. */
  readonly postings: ReadonlyMap<string, Int32Array>;
  /** term -> entries with it in a phrasing; and entries with it only in their answer. */
  readonly phrasingEntries: ReadonlyMap<string, Int32Array>;
  readonly answerOnlyEntries: ReadonlyMap<string, Int32Array>;
  /** The terms of each document, and of each entry's phrasings and answer: to check a common term. */
  readonly docTerms: readonly (readonly string[])[];
  readonly entryPhrasingTerms: readonly (readonly string[])[];
  readonly entryAnswerTerms: readonly (readonly string[])[];
  /** Question words (who, when, why...) each entry's phrasings ask with. */
  readonly entryQuestionWords: readonly ReadonlySet<string>[];
  /** A term in more entries than this is common: it scores candidates but does not find them. */
  readonly commonAbove: number;
  readonly idf: ReadonlyMap<string, number>;
  readonly maxIdf: number;
  /** Normalized words of the knowledge, for typo correction, with the term each folds to. */
  readonly vocabulary: ReadonlyMap<string, string>;
  /**
   * The vocabulary split by first letter, one fuse.js index each: people rarely mistype the
   * first letter, and searching one bucket keeps a correction under a millisecond at 50,000 entries.
   */
  readonly vocabularyFuse: ReadonlyMap<string, Fuse<string>>;
  readonly aliasFuse: Fuse<AliasRow>;
  /** Dated events by their time words, event and phrasings: for /when autocomplete. */
  readonly eventFuse: Fuse<EventEntry>;
  readonly synonyms: Synonyms;
  /** Terms of people's names: a question naming someone is not answered by an entry that does not. */
  readonly nameTerms: ReadonlySet<string>;
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
/** Score kept by an entry whose phrasings never ask with the question's own question word. */
const QUESTION_MISMATCH = 0.85;
/**
 * A term in more than this share of entries (and at least COMMON_FLOOR of them) is too common to
 * find candidates with: "talks" in a 50,000-entry base would touch every entry for little signal.
 */
const COMMON_SHARE = 0.05;
const COMMON_FLOOR = 1000;

export function buildIndex(knowledge: Knowledge): SearchIndex {
  const entries = knowledge.entries;
  const synonyms = synonymsOf(knowledge.synonyms);
  const vocabulary = new Map<string, string>();
  const docTerms: string[][] = [];
  const docEntryList: number[] = [];
  const docIsAnswerList: number[] = [];
  const phrasingSets = new Map<string, Set<number>>();
  const answerSets = new Map<string, Set<number>>();
  const addTo = (map: Map<string, Set<number>>, term: string, entry: number) => {
    let set = map.get(term);
    if (!set) map.set(term, (set = new Set()));
    set.add(entry);
  };
  entries.forEach((e, entry) => {
    const texts = [...e.phrasings.map((text) => ({ text, isAnswer: false })), { text: e.answer, isAnswer: true }];
    for (const { text, isAnswer } of texts) {
      const words = contentWords(text, synonyms);
      for (const w of words) {
        vocabulary.set(w.word, w.term);
        addTo(isAnswer ? answerSets : phrasingSets, w.term, entry);
      }
      docTerms.push([...new Set(words.map((w) => w.term))]);
      docEntryList.push(entry);
      docIsAnswerList.push(isAnswer ? 1 : 0);
    }
  });

  const n = entries.length;
  const idf = new Map<string, number>();
  let maxIdf = 1;
  for (const term of new Set([...phrasingSets.keys(), ...answerSets.keys()])) {
    const df = new Set([...(phrasingSets.get(term) ?? []), ...(answerSets.get(term) ?? [])]).size;
    const value = QUESTION_WORDS.has(term) ? QUESTION_WORD_WEIGHT : Math.log(1 + n / df);
    idf.set(term, value);
    if (value > maxIdf) maxIdf = value;
  }

  const postingLists = new Map<string, number[]>();
  const docWeight = new Float64Array(docTerms.length);
  docTerms.forEach((terms, doc) => {
    for (const t of terms) {
      let list = postingLists.get(t);
      if (!list) postingLists.set(t, (list = []));
      list.push(doc);
      docWeight[doc]! += idf.get(t) ?? 0;
    }
  });
  const answerOnly = new Map<string, Int32Array>();
  for (const [term, set] of answerSets) {
    const phrased = phrasingSets.get(term);
    const only = [...set].filter((e) => !phrased?.has(e));
    if (only.length) answerOnly.set(term, Int32Array.from(only));
  }

  const entryPhrasingTerms: string[][] = entries.map(() => []);
  const entryAnswerTerms: string[][] = entries.map(() => []);
  for (const [term, set] of phrasingSets) for (const e of set) entryPhrasingTerms[e]!.push(term);
  for (const [term, set] of answerSets) for (const e of set) entryAnswerTerms[e]!.push(term);

  const entryQuestionWords = entryPhrasingTerms.map((terms) => new Set(terms.filter((t) => QUESTION_WORDS.has(t))));

  const nameTerms = new Set<string>();
  for (const e of entries) {
    if (e.kind !== 'person') continue;
    for (const w of contentWords(e.name, synonyms)) if (!NAME_TITLES.has(w.word)) nameTerms.add(w.term);
  }

  const aliasRows: AliasRow[] = [];
  entries.forEach((e, i) => {
    if (e.kind !== 'person') return;
    for (const alias of new Set([e.name, ...e.aliases].map(normalize))) aliasRows.push({ entry: i, alias });
  });

  return {
    entries,
    byId: new Map(entries.map((e) => [e.id, e])),
    docEntry: Int32Array.from(docEntryList),
    docWeight,
    docIsAnswer: Uint8Array.from(docIsAnswerList),
    postings: new Map([...postingLists].map(([t, list]) => [t, Int32Array.from(list)])),
    phrasingEntries: new Map([...phrasingSets].map(([t, set]) => [t, Int32Array.from(set)])),
    answerOnlyEntries: answerOnly,
    docTerms,
    entryQuestionWords,
    entryPhrasingTerms,
    entryAnswerTerms,
    commonAbove: Math.max(COMMON_FLOOR, COMMON_SHARE * n),
    idf,
    maxIdf,
    vocabulary,
    vocabularyFuse: bucketByFirstLetter([...vocabulary.keys()]),
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
    synonyms,
    nameTerms,
  };
}

function bucketByFirstLetter(words: string[]): Map<string, Fuse<string>> {
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

/** A word of the question, resolved against the knowledge's vocabulary. */
export interface ResolvedWord extends QueryWord {
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
      return { word: corrected, term, unknown: false, weight: index.idf.get(term)! };
    }
    // A word the knowledge never uses is at least as specific as its rarest word.
    return { ...w, unknown: true, weight: index.maxIdf };
  });
}

function correctTypo(index: SearchIndex, word: string): string | undefined {
  const budget = typoBudget(word.length);
  if (budget === 0 || /\d/.test(word)) return undefined;
  let best: { word: string; d: number } | undefined;
  // The word's own first letter, and its second in case the first two were swapped ("rtump").
  const buckets = new Set([word[0]!, word[1]!]);
  const hits = [...buckets].flatMap((letter) => index.vocabularyFuse.get(letter)?.search(word, { limit: 8 }) ?? []);
  for (const hit of hits) {
    const d = typoDistance(word, hit.item, budget);
    if (d <= budget && (!best || d < best.d)) best = { word: hit.item, d };
  }
  return best?.word;
}

export interface ScoredEntry {
  entry: Entry;
  score: number;
}

/**
 * Scores entries against the resolved words of a question with a recall-weighted F-measure:
 * recall (how much of the question the entry covers, in any phrasing, or at a discount in its
 * answer) matters more than precision (the largest share of one phrasing the question covers),
 * because people leave words out more often than they add them. Returns the best `limit`.
 */
export function scoreEntries(
  index: SearchIndex,
  words: readonly ResolvedWord[],
  kinds?: ReadonlySet<EntryKind>,
  limit = 10,
): ScoredEntry[] {
  const queryTerms = new Map<string, number>();
  let queryWeight = 0;
  for (const w of words) {
    if (queryTerms.has(w.term)) continue;
    queryTerms.set(w.term, w.weight);
    queryWeight += w.weight;
  }
  if (queryWeight === 0) return [];

  const scratch = scratchFor(index);
  const { precision, covered, names: nameHits, touched } = scratch;
  let touchedCount = 0;
  const touch = (entry: number) => {
    if (scratch.seen[entry] === 0) {
      scratch.seen[entry] = 1;
      touched[touchedCount++] = entry;
    }
  };

  // Per document: how much of the question it holds, as a share of itself (precision). The
  // entry keeps its best document's share. Documents are visited once per query term.
  // Rare terms find the candidates; common ones only add to the score of candidates found.
  const entriesWith = (t: string) =>
    (index.phrasingEntries.get(t)?.length ?? 0) + (index.answerOnlyEntries.get(t)?.length ?? 0);
  const terms = [...queryTerms];
  const rare = terms.filter(([t]) => entriesWith(t) <= index.commonAbove);
  const finding = rare.length ? rare : terms;
  const checking = rare.length ? terms.filter(([t]) => entriesWith(t) > index.commonAbove) : [];

  const hits = scratch.docHits;
  const hitDocs: number[] = [];
  for (const [term, weight] of finding) {
    const list = index.postings.get(term);
    if (!list) continue;
    for (let i = 0; i < list.length; i++) {
      const doc = list[i]!;
      if (hits[doc] === 0) hitDocs.push(doc);
      hits[doc]! += weight;
    }
  }
  for (const doc of hitDocs) {
    for (const [term, weight] of checking) if (index.docTerms[doc]!.includes(term)) hits[doc]! += weight;
    const entry = index.docEntry[doc]!;
    const p = Math.min(1, hits[doc]! / index.docWeight[doc]!) * (index.docIsAnswer[doc] ? ANSWER_CREDIT : 1);
    hits[doc] = 0;
    touch(entry);
    if (p > precision[entry]!) precision[entry] = p;
  }

  // Per entry: how much of the question it covers anywhere (recall), and which names it has.
  const names = [...queryTerms.keys()].filter((t) => index.nameTerms.has(t));
  for (const [term, weight] of finding) {
    const isName = index.nameTerms.has(term);
    const phrased = index.phrasingEntries.get(term);
    if (phrased)
      for (let i = 0; i < phrased.length; i++) {
        covered[phrased[i]!]! += weight;
        if (isName) nameHits[phrased[i]!]!++;
      }
    const answerOnly = index.answerOnlyEntries.get(term);
    if (answerOnly)
      for (let i = 0; i < answerOnly.length; i++) {
        covered[answerOnly[i]!]! += weight * ANSWER_CREDIT;
        if (isName) nameHits[answerOnly[i]!]!++;
      }
  }
  for (const [term, weight] of checking) {
    const isName = index.nameTerms.has(term);
    for (let i = 0; i < touchedCount; i++) {
      const e = touched[i]!;
      const inPhrasing = index.entryPhrasingTerms[e]!.includes(term);
      if (inPhrasing || index.entryAnswerTerms[e]!.includes(term)) {
        covered[e]! += inPhrasing ? weight : weight * ANSWER_CREDIT;
        if (isName) nameHits[e]!++;
      }
    }
  }

  const asked = [...queryTerms.keys()].filter((t) => QUESTION_WORDS.has(t));
  const asksWhen = queryTerms.has('when');
  const asksWhy = queryTerms.has('why') || queryTerms.has('how') || queryTerms.has('where') || asksWhen;
  const out: ScoredEntry[] = [];
  let floor = -1;
  for (let i = 0; i < touchedCount; i++) {
    const entryIndex = touched[i]!;
    const entry = index.entries[entryIndex]!;
    const recall = covered[entryIndex]! / queryWeight;
    let score = fMeasure(precision[entryIndex]!, recall, 2);
    // Asked about someone the entry never mentions: it cannot be the answer.
    if (nameHits[entryIndex]! < names.length) score *= 0.5;
    // "When" wants a dated event; a profile of a person answers "who", not "why" or "how".
    if (entry.kind === 'event' && !asksWhen) score *= 0.9;
    if (entry.kind === 'person' && asksWhy) score *= 0.9;
    // Asked "who" of an entry only ever asked "why": a different question about the same thing.
    const own = index.entryQuestionWords[entryIndex]!;
    if (asked.length && own.size && !asked.some((w) => own.has(w))) score *= QUESTION_MISMATCH;
    precision[entryIndex] = 0;
    covered[entryIndex] = 0;
    nameHits[entryIndex] = 0;
    scratch.seen[entryIndex] = 0;
    if (score <= floor || (kinds && !kinds.has(entry.kind))) continue;
    // Keep only the best `limit`: a common word can touch every entry, and nobody reads past a few.
    out.push({ entry, score });
    if (out.length > limit * 2) {
      out.sort((a, b) => b.score - a.score).length = limit;
      floor = out[limit - 1]!.score;
    }
  }
  out.sort((a, b) => b.score - a.score);
  if (out.length > limit) out.length = limit;
  return out;
}

/**
 * Working arrays for scoring, one set per index, reused by every query and left zeroed after
 * each: a question then costs its postings, not an allocation the size of the knowledge.
 * Scoring is synchronous, so no two queries ever share them at once.
 */
interface Scratch {
  docHits: Float64Array;
  precision: Float64Array;
  covered: Float64Array;
  names: Uint8Array;
  seen: Uint8Array;
  touched: Int32Array;
}
const scratches = new WeakMap<SearchIndex, Scratch>();
function scratchFor(index: SearchIndex): Scratch {
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
    };
    scratches.set(index, s);
  }
  return s;
}

function fMeasure(precision: number, recall: number, beta: number): number {
  if (precision === 0 || recall === 0) return 0;
  const b2 = beta * beta;
  return ((1 + b2) * precision * recall) / (b2 * precision + recall);
}

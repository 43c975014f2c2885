import Fuse from 'fuse.js';
import type { Entry, EventEntry, Knowledge, PersonEntry } from '../knowledge/types.js';
import { normalizedPhrasings } from '../knowledge/normalized.js';
import {
  contentWords,
  distinctTermsOf,
  normalize,
  QUESTION_WORDS,
  synonymsOf,
  type Synonyms,
  type TermMemo,
} from './text.js';
import type { Tuning } from './tuning.js';
import { runSteps } from './steps.js';
import { typoIndex, type TypoIndex } from './typo.js';

/**
 * Search structures built once per knowledge base. A long question is matched through an inverted
 * index of terms (cost grows with the postings of its words, not with the number of entries);
 * fuse.js is used where it is strong: matching names and aliases; a misspelt word is corrected
 * against the knowledge's vocabulary through a trie (typo.ts).
 *
 * Invariant: every term of every entry has an idf, postings to the documents holding it, and is
 * listed in phrasingEntries or answerOnlyEntries (never both for one entry).
 */
export interface SearchIndex {
  readonly entries: readonly Entry[];
  readonly byId: ReadonlyMap<string, Entry>;
  readonly people: readonly PersonEntry[];
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
  /** The vocabulary as a trie, to correct a typo at a cost that does not grow with the knowledge. */
  readonly vocabularyTypos: TypoIndex;
  readonly aliasFuse: Fuse<AliasRow>;
  /** Dated events by their time words, event and phrasings: for /when autocomplete. */
  readonly eventFuse: Fuse<EventEntry>;
  readonly synonyms: Synonyms;
  /**
   * Terms of people's names, each with the people (by position) whose name has it: a question
   * naming someone is not answered by an entry that does not.
   */
  readonly nameTerms: ReadonlyMap<string, readonly number[]>;
  /** Terms of the reports' own lines: a word in them is never said to be missing from the report. */
  readonly reportTerms: ReadonlySet<string>;
  /** The terms each story uses anywhere: a question whose words two stories both use may mean either. */
  readonly storyTerms: ReadonlyMap<string, ReadonlySet<string>>;
  /** Each story's report lines, normalised and as terms, for /source: built once, not per question. */
  readonly reportLines: ReadonlyMap<string, readonly { normalized: string; terms: ReadonlySet<string> }[]>;
}

export interface AliasRow {
  entry: number;
  alias: string;
}

function* storyTermsOf(
  entries: readonly Entry[],
  phrasing: readonly (readonly string[])[],
  answer: readonly (readonly string[])[],
): Generator<void, Map<string, Set<string>>, void> {
  const byStory = new Map<string, Set<string>>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    let set = byStory.get(e.story);
    if (!set) byStory.set(e.story, (set = new Set()));
    for (const t of phrasing[i]!) set.add(t);
    for (const t of answer[i]!) set.add(t);
    if ((i + 1) % STEP === 0) yield;
  }
  return byStory;
}

/** Each entry by `story/id`, and by its bare id where no other story uses that id. */
function* idsOf(entries: readonly Entry[]): Generator<void, Map<string, Entry>, void> {
  const byId = new Map<string, Entry>();
  const bare = new Map<string, Entry | null>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    byId.set(`${e.story}/${e.id}`, e);
    bare.set(e.id, bare.has(e.id) ? null : e);
    if ((i + 1) % STEP === 0) yield;
  }
  for (const [id, e] of bare) if (e) byId.set(id, e);
  return byId;
}

/** Words of a name that are titles, shared by many people, not names. */
const NAME_TITLES: ReadonlySet<string> = new Set(['gen', 'general', 'col', 'colonel', 'president', 'mr']);

export function buildIndex(knowledge: Knowledge, tuning: Tuning): SearchIndex {
  return runSteps(buildIndexSteps(knowledge, tuning));
}

/**
 * The index, built in small steps: at each `yield` a caller may let other work run (a refresh
 * builds the next index while the current one keeps answering), and nothing is shared between
 * steps but this function's own locals, so the result is the same however the steps are run.
 */
export function* buildIndexSteps(knowledge: Knowledge, tuning: Tuning): Generator<void, SearchIndex, void> {
  const entries = knowledge.entries;
  const synonyms = synonymsOf(knowledge.synonyms);
  const terms = yield* collectTerms(entries, synonyms);
  const { idf, maxIdf } = yield* inverseFrequencies(entries.length, terms, tuning);
  const { postings, docWeight } = yield* postingsOf(terms.docTerms, idf);

  const entryPhrasingTerms: string[][] = entries.map(() => []);
  const entryAnswerTerms: string[][] = entries.map(() => []);
  yield;
  let step = 0;
  for (const [term, set] of terms.phrasingSets) {
    for (const e of set) entryPhrasingTerms[e]!.push(term);
    if (++step % STEP === 0) yield;
  }
  for (const [term, set] of terms.answerSets) {
    for (const e of set) entryAnswerTerms[e]!.push(term);
    if (++step % STEP === 0) yield;
  }
  const phrasingEntries = new Map<string, Int32Array>();
  for (const [t, set] of terms.phrasingSets) {
    phrasingEntries.set(t, Int32Array.from(set));
    if (++step % STEP === 0) yield;
  }
  const answerOnlyEntries = yield* answerOnly(terms.phrasingSets, terms.answerSets);
  const entryQuestionWords: Set<string>[] = [];
  for (const ts of entryPhrasingTerms) {
    const asked = new Set(ts.filter((t) => QUESTION_WORDS.has(t)));
    // An answer that puts someone somewhere ("arrived in Ukraine") answers "where" too, however
    // its phrasings ask ("when did Driscoll arrive").
    if (asked.size && NAMES_A_PLACE.test(entries[entryQuestionWords.length]!.answer)) asked.add('where');
    entryQuestionWords.push(asked);
    if (entryQuestionWords.length % STEP === 0) yield;
  }
  const vocabularyTypos = typoIndex(terms.vocabulary.keys());
  yield;
  const aliasFuse = new Fuse(aliasRows(entries), {
    keys: ['alias'],
    includeScore: true,
    threshold: 0.4,
    ignoreLocation: true,
    // Short aliases ("Vance") must match whole, not as a fragment of a longer word.
    minMatchCharLength: 2,
  });
  yield;
  const eventFuse = new Fuse(
    entries.filter((e): e is EventEntry => e.kind === 'event'),
    { keys: ['when', 'event', 'phrasings'], includeScore: true, threshold: 0.4, ignoreLocation: true },
  );
  yield;
  const nameTerms = nameTermsOf(entries, synonyms);
  const reportTerms = new Set<string>();
  const reportLines = new Map<string, { normalized: string; terms: ReadonlySet<string> }[]>();
  for (const story of knowledge.stories) {
    // Through the terms' memo: the report's words are mostly the knowledge's own, already stemmed.
    const lines = story.lines.map((l) => {
      const normalized = normalize(l);
      return { normalized, terms: new Set(distinctTermsOf(normalized, synonyms, terms.memo, () => {})) };
    });
    for (const line of lines) for (const t of line.terms) reportTerms.add(t);
    reportLines.set(story.id, lines);
    yield;
  }
  const storyTerms = yield* storyTermsOf(entries, entryPhrasingTerms, entryAnswerTerms);
  const byId = yield* idsOf(entries);
  const people = entries.filter((e): e is PersonEntry => e.kind === 'person');
  yield;

  return {
    entries,
    byId,
    people,
    docEntry: Int32Array.from(terms.docEntry),
    docWeight,
    docIsAnswer: Uint8Array.from(terms.docIsAnswer),
    postings,
    phrasingEntries,
    answerOnlyEntries,
    docTerms: terms.docTerms,
    entryQuestionWords,
    entryPhrasingTerms,
    entryAnswerTerms,
    commonAbove: Math.max(tuning.commonFloor, tuning.commonShare * entries.length),
    idf,
    maxIdf,
    vocabulary: terms.vocabulary,
    vocabularyTypos,
    aliasFuse,
    eventFuse,
    synonyms,
    nameTerms,
    reportTerms,
    storyTerms,
    reportLines,
  };
}

/**
 * A preposition of place before a name that ends its phrase: "in Ukraine on Wednesday", "visited
 * the U.S. in October"; not a name qualifying a noun ("at a U.S.-Saudi investment conference").
 */
const NAMES_A_PLACE =
  /\b(?:in|to|at|into|from)\s+(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*(?=[,;:)]|\.?$|\.\s|\s+(?:on|in|at|for|with|and|to|by|from|during|this|last)\b)/u;

/** Units of work (entries, terms, documents) between two yields of `buildIndexSteps`. */
const STEP = 64;

interface Terms {
  vocabulary: Map<string, string>;
  docTerms: string[][];
  docEntry: number[];
  docIsAnswer: number[];
  /**
   * term -> entries with it in a phrasing; term -> entries with it in their answer. Each list in
   * increasing order without repeats (entries are read in order): no Set per term to build.
   */
  phrasingSets: Map<string, number[]>;
  answerSets: Map<string, number[]>;
  /** Raw word -> its term, as met in the knowledge: reused for the report's lines. */
  memo: TermMemo;
}

/** Whether a list in increasing order holds `n`. */
function holds(list: readonly number[] | undefined, n: number): boolean {
  if (!list) return false;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = list[mid]!;
    if (v === n) return true;
    if (v < n) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The terms of every phrasing and answer: one document each. */
function* collectTerms(entries: readonly Entry[], synonyms: Synonyms): Generator<void, Terms, void> {
  const out: Terms = {
    vocabulary: new Map(),
    docTerms: [],
    docEntry: [],
    docIsAnswer: [],
    phrasingSets: new Map(),
    answerSets: new Map(),
    memo: new Map(),
  };
  const addTo = (map: Map<string, number[]>, term: string, entry: number) => {
    const list = map.get(term);
    if (!list) map.set(term, [entry]);
    else if (list[list.length - 1] !== entry) list.push(entry);
  };
  // Raw word -> its term for this build: the same words recur across thousands of entries.
  const { memo } = out;
  const remember = (word: string, term: string) => out.vocabulary.set(word, term);
  const add = (text: string, isAnswer: boolean, entry: number) => {
    const terms = distinctTermsOf(text, synonyms, memo, remember);
    for (const term of terms) addTo(isAnswer ? out.answerSets : out.phrasingSets, term, entry);
    out.docTerms.push(terms);
    out.docEntry.push(entry);
    out.docIsAnswer.push(isAnswer ? 1 : 0);
  };
  for (let entry = 0; entry < entries.length; entry++) {
    const e = entries[entry]!;
    for (const text of normalizedPhrasings(e)) add(text, false, entry);
    add(normalize(e.answer), true, entry);
    if ((entry + 1) % STEP === 0) yield;
  }
  return out;
}

/** Rare terms weigh more; question words weigh a fixed amount, whatever their frequency. */
function* inverseFrequencies(
  n: number,
  terms: Terms,
  tuning: Tuning,
): Generator<void, { idf: Map<string, number>; maxIdf: number }, void> {
  const idf = new Map<string, number>();
  let maxIdf = 1;
  let step = 0;
  for (const term of new Set([...terms.phrasingSets.keys(), ...terms.answerSets.keys()])) {
    // Entries holding the term anywhere: in a phrasing, or only in the answer.
    const phrased = terms.phrasingSets.get(term);
    let df = phrased?.length ?? 0;
    for (const e of terms.answerSets.get(term) ?? []) if (!holds(phrased, e)) df++;
    const value = QUESTION_WORDS.has(term) ? tuning.questionWordWeight : Math.log(1 + n / df);
    idf.set(term, value);
    if (value > maxIdf) maxIdf = value;
    if (++step % STEP === 0) yield;
  }
  return { idf, maxIdf };
}

function* postingsOf(
  docTerms: readonly (readonly string[])[],
  idf: ReadonlyMap<string, number>,
): Generator<void, { postings: Map<string, Int32Array>; docWeight: Float64Array }, void> {
  const lists = new Map<string, number[]>();
  const docWeight = new Float64Array(docTerms.length);
  for (let doc = 0; doc < docTerms.length; doc++) {
    for (const t of docTerms[doc]!) {
      let list = lists.get(t);
      if (!list) lists.set(t, (list = []));
      list.push(doc);
      docWeight[doc]! += idf.get(t) ?? 0;
    }
    if ((doc + 1) % STEP === 0) yield;
  }
  const postings = new Map<string, Int32Array>();
  let step = 0;
  for (const [t, list] of lists) {
    postings.set(t, Int32Array.from(list));
    if (++step % STEP === 0) yield;
  }
  return { postings, docWeight };
}

/** term -> entries that have it in their answer but in none of their phrasings. */
function* answerOnly(
  phrasingSets: ReadonlyMap<string, readonly number[]>,
  answerSets: ReadonlyMap<string, readonly number[]>,
): Generator<void, Map<string, Int32Array>, void> {
  const out = new Map<string, Int32Array>();
  let step = 0;
  for (const [term, list] of answerSets) {
    const phrased = phrasingSets.get(term);
    const only = list.filter((e) => !holds(phrased, e));
    if (only.length) out.set(term, Int32Array.from(only));
    if (++step % STEP === 0) yield;
  }
  return out;
}

/** Each term of a person's name, with the people (by position) whose name has it. */
function nameTermsOf(entries: readonly Entry[], synonyms: Synonyms): Map<string, number[]> {
  const out = new Map<string, number[]>();
  entries.forEach((e, i) => {
    if (e.kind !== 'person') return;
    for (const w of contentWords(e.name, synonyms)) {
      if (NAME_TITLES.has(w.word)) continue;
      const people = out.get(w.term);
      if (!people) out.set(w.term, [i]);
      else if (people.at(-1) !== i) people.push(i);
    }
  });
  return out;
}

function aliasRows(entries: readonly Entry[]): AliasRow[] {
  const rows: AliasRow[] = [];
  entries.forEach((e, i) => {
    if (e.kind !== 'person') return;
    for (const alias of new Set([e.name, ...e.aliases].map(normalize))) rows.push({ entry: i, alias });
  });
  return rows;
}

import type { Entry, EntryKind } from '../knowledge/types.js';
import { MAX_RANKED } from './limits.js';
import type { ResolvedWord } from './resolve.js';
import { release, scratchFor, touch, type Scratch } from './scratch.js';
import type { SearchIndex } from './search-index.js';
import { QUESTION_WORDS } from './text.js';
import type { Tuning } from './tuning.js';

export interface ScoredEntry {
  entry: Entry;
  score: number;
  /** The entry's position in the index, where scoring found it. */
  at?: number;
}

/** The question as weighted terms, and which of them find candidates and which only check them. */
interface Query {
  terms: ReadonlyMap<string, number>;
  weight: number;
  /** Rare terms find the candidates; common ones only add to the score of candidates found. */
  finding: readonly (readonly [string, number])[];
  checking: readonly (readonly [string, number])[];
  /**
   * The people asked about: each term of a name asked, as the bit of its person ("Dan" and
   * "Driscoll" one bit, "Zelensky" another), and how many people that is.
   */
  nameBits: ReadonlyMap<string, number>;
  people: number;
  asked: readonly string[];
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
  tuning: Tuning,
  kinds?: ReadonlySet<EntryKind>,
  limit = MAX_RANKED,
  story?: string,
): ScoredEntry[] {
  const query = queryOf(index, words);
  if (!query) return [];
  const scratch = scratchFor(index);
  scratch.touchedCount = 0;
  scoreDocuments(index, scratch, query, tuning);
  coverEntries(index, scratch, query, tuning);
  return rank(index, scratch, query, tuning, { kinds, story }, limit);
}

function queryOf(index: SearchIndex, words: readonly ResolvedWord[]): Query | undefined {
  const terms = new Map<string, number>();
  let weight = 0;
  for (const w of words) {
    if (terms.has(w.term)) continue;
    terms.set(w.term, w.weight);
    weight += w.weight;
  }
  if (weight === 0) return undefined;
  const entriesWith = (t: string) =>
    (index.phrasingEntries.get(t)?.length ?? 0) + (index.answerOnlyEntries.get(t)?.length ?? 0);
  const all = [...terms];
  const rare = all.filter(([t]) => entriesWith(t) <= index.commonAbove);
  return {
    terms,
    weight,
    finding: rare.length ? rare : all,
    checking: rare.length ? all.filter(([t]) => entriesWith(t) > index.commonAbove) : [],
    ...namesAsked(index, [...terms.keys()]),
    asked: [...terms.keys()].filter((t) => QUESTION_WORDS.has(t)),
  };
}

/**
 * The name terms of a question grouped by the person they name: a term joins the group of an
 * earlier one that names one of the same people. At most 8 people (the bits of a byte).
 */
function namesAsked(index: SearchIndex, terms: readonly string[]): { nameBits: Map<string, number>; people: number } {
  const groups: Set<number>[] = [];
  const nameBits = new Map<string, number>();
  for (const t of terms) {
    const people = index.nameTerms.get(t);
    if (!people) continue;
    let g = groups.findIndex((group) => people.some((p) => group.has(p)));
    if (g < 0) {
      if (groups.length === MAX_PEOPLE_ASKED) continue;
      g = groups.push(new Set()) - 1;
    }
    for (const p of people) groups[g]!.add(p);
    nameBits.set(t, 1 << g);
  }
  return { nameBits, people: groups.length };
}
const MAX_PEOPLE_ASKED = 8;

/**
 * Per document: how much of the question it holds, as a share of itself (precision). The entry
 * keeps its best document's share. Documents are visited once per query term.
 */
function scoreDocuments(index: SearchIndex, scratch: Scratch, query: Query, tuning: Tuning): void {
  const hits = scratch.docHits;
  const hitDocs: number[] = [];
  for (const [term, weight] of query.finding) {
    const list = index.postings.get(term);
    if (!list) continue;
    for (let i = 0; i < list.length; i++) {
      const doc = list[i]!;
      if (hits[doc] === 0) hitDocs.push(doc);
      hits[doc]! += weight;
    }
  }
  for (const doc of hitDocs) {
    for (const [term, weight] of query.checking) if (index.docTerms[doc]!.includes(term)) hits[doc]! += weight;
    const entry = index.docEntry[doc]!;
    const share = Math.min(1, hits[doc]! / index.docWeight[doc]!);
    const p = share * (index.docIsAnswer[doc] ? tuning.answerCredit : 1);
    hits[doc] = 0;
    touch(scratch, entry);
    if (p > scratch.precision[entry]!) scratch.precision[entry] = p;
  }
}

/** Per entry: how much of the question it covers anywhere (recall), and which names it has. */
function coverEntries(index: SearchIndex, scratch: Scratch, query: Query, tuning: Tuning): void {
  const { covered, names } = scratch;
  const add = (entry: number, weight: number, person: number) => {
    covered[entry]! += weight;
    names[entry]! |= person;
  };
  for (const [term, weight] of query.finding) {
    const isName = query.nameBits.get(term) ?? 0;
    const phrased = index.phrasingEntries.get(term);
    if (phrased) for (let i = 0; i < phrased.length; i++) add(phrased[i]!, weight, isName);
    const answerOnly = index.answerOnlyEntries.get(term);
    if (answerOnly)
      for (let i = 0; i < answerOnly.length; i++) add(answerOnly[i]!, weight * tuning.answerCredit, isName);
  }
  for (const [term, weight] of query.checking) {
    const isName = query.nameBits.get(term) ?? 0;
    for (let i = 0; i < scratch.touchedCount; i++) {
      const e = scratch.touched[i]!;
      if (index.entryPhrasingTerms[e]!.includes(term)) add(e, weight, isName);
      else if (index.entryAnswerTerms[e]!.includes(term)) add(e, weight * tuning.answerCredit, isName);
    }
  }
}

/** The touched entries by score, best first, keeping only the best `limit`; the scratch is left zeroed. */
function rank(
  index: SearchIndex,
  scratch: Scratch,
  query: Query,
  tuning: Tuning,
  only: { kinds: ReadonlySet<EntryKind> | undefined; story: string | undefined },
  limit: number,
): ScoredEntry[] {
  const out: ScoredEntry[] = [];
  let floor = -1;
  for (let i = 0; i < scratch.touchedCount; i++) {
    const e = scratch.touched[i]!;
    const entry = index.entries[e]!;
    const recall = scratch.covered[e]! / query.weight;
    const score =
      fMeasure(scratch.precision[e]!, recall, tuning.recallBeta) * penalty(index, scratch, query, e, tuning);
    release(scratch, e);
    if (score <= floor || (only.kinds && !only.kinds.has(entry.kind)) || (only.story && entry.story !== only.story)) {
      continue;
    }
    // A common word can touch every entry: keep a short list, not a sort of all of them.
    out.push({ entry, score, at: e });
    if (out.length > limit * 2) {
      out.sort((a, b) => b.score - a.score).length = limit;
      floor = out[limit - 1]!.score;
    }
  }
  out.sort((a, b) => b.score - a.score);
  if (out.length > limit) out.length = limit;
  return out;
}

/** The share of its score an entry keeps for answering a different kind of question. */
function penalty(index: SearchIndex, scratch: Scratch, query: Query, e: number, tuning: Tuning): number {
  const entry = index.entries[e]!;
  const asksWhen = query.terms.has('when');
  const asksWhy = asksWhen || query.terms.has('why') || query.terms.has('how') || query.terms.has('where');
  let keep = 1;
  // Asked about someone the entry never mentions: it cannot be the answer.
  if (bitCount(scratch.names[e]!) < query.people) keep *= tuning.missingName;
  // "When" wants a dated event; a profile of a person answers "who", not "why" or "how".
  if (entry.kind === 'event' && !asksWhen) keep *= tuning.eventNotWhen;
  if (entry.kind === 'person' && asksWhy) keep *= tuning.personNotWho;
  // Asked "who" of an entry only ever asked "why": a different question about the same thing.
  const own = index.entryQuestionWords[e]!;
  if (query.asked.length && own.size && !query.asked.some((w) => own.has(w))) keep *= tuning.questionMismatch;
  return keep;
}

function fMeasure(precision: number, recall: number, beta: number): number {
  if (precision === 0 || recall === 0) return 0;
  const b2 = beta * beta;
  return ((1 + b2) * precision * recall) / (b2 * precision + recall);
}

function bitCount(byte: number): number {
  let n = 0;
  for (let b = byte; b; b &= b - 1) n++;
  return n;
}

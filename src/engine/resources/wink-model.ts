import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * wink-nlp's English light model, read without the package's start-up copy. The package's own
 * loader parses its 3 MB core model, then copies it whole (`JSON.parse(JSON.stringify(model))`)
 * and decodes its lexicon a character at a time: about half the model's loading time. Here the
 * core model is parsed once, from the file, and decoded by Buffer; every other part of the model
 * is the package's own file. If the package's layout is not the one this was written for, the
 * package's model is used as it is (slower, the same answers).
 */

const require = createRequire(import.meta.url);

type Json = Record<string, unknown>;
interface Feature {
  list: string[];
  hash?: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
}
interface CoreModel {
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Record<string, Feature> & { lexeme: Feature; posClusters: { list: unknown[] } };
  pos: { hash: Record<string, number> };
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
}

/**
 * The model to give `winkNLP(model, pipe)`: the package's, with a faster `core()`, read from the
 * core the build derives into `dir` (see `winkCoreBytes`) when it is there and of this version.
 */
export function winkModel(dir = import.meta.dirname, { sentiment = false } = {}): unknown {
  try {
    return fastModel(dir, sentiment);
  } catch {
    return require('wink-eng-lite-web-model');
  }
}

/** The package's model as it ships (for tests that compare the two). */
export function packagedWinkModel(): unknown {
  return require('wink-eng-lite-web-model');
}

const packageDir = () => path.dirname(require.resolve('wink-eng-lite-web-model'));
const packagedCoreFile = () => path.join(packageDir(), 'languages/cur/models/eng-core-web-model.json');

function fastModel(derivedDir: string, sentiment: boolean): unknown {
  const dir = packageDir();
  const part = (file: string): unknown => require(path.join(dir, file));
  // Every part (but the core) as model.js of wink-eng-lite-web-model 1.8 assembles it.
  const model = Object.create(null) as Json;
  model.core = () => readDerivedCore(path.join(derivedDir, WINK_CORE_FILE)) ?? readCore(packagedCoreFile());
  model.sbd = part('load-sbd-model.js');
  model.pos = part('load-pos-model.js');
  // Named entities and sentiment: not in the pipeline storybot asks for (sbd, negation, pos), so
  // empty machines rather than 600 kB of model to parse and never run; sentiment when asked for
  // (a reader of its own: see sentimentOf in language.ts).
  model.ner = () => ({ machines: [], transformers: [] });
  model.negation = part('load-negation-model.js');
  model.sa = sentiment ? part('load-sa-model.js') : () => ({ machines: [EMPTY_MACHINE], setter: () => undefined });
  model.metaCER = part('load-cer-meta-model.js');
  model.featureFn = part('feature.js');
  const addons = Object.create(null) as Json;
  addons.stem = part('porter-stemmer.js');
  addons.lemmatize = part('lemmatize.js');
  addons.readabilityStats = part('readability-stats.js');
  addons.wordVectors = undefined;
  model.addons = addons;
  for (const key of ['core', 'sbd', 'pos', 'ner', 'negation', 'sa', 'metaCER', 'featureFn']) {
    if (typeof model[key] !== 'function') throw new Error(`wink model: ${key} is not a function`);
  }
  return model;
}

/** A machine that recognises nothing, as wink-nlp's `emptyModelJSON()` writes it. */
const EMPTY_MACHINE = JSON.stringify([100, 0, { 0: {} }, {}, {}, {}]);

export const PIPE = ['sbd', 'negation', 'pos'];

function words32(base64: unknown): Uint32Array {
  if (typeof base64 !== 'string') throw new Error('wink model: expected a base64 string');
  const bytes = Buffer.from(base64, 'base64');
  const copy = new Uint8Array(bytes.length); // its own ArrayBuffer, at offset 0
  copy.set(bytes);
  return new Uint32Array(copy.buffer);
}

/**
 * The lexeme -> index table wink-nlp reads and writes as a plain object (`hash[word]`), kept in a
 * Map: 87,593 words go into a Map several times faster than into an object's dictionary.
 */
function mapBacked(list: readonly string[]): Record<string, number> {
  const map = new Map<string, number>();
  for (let k = 0; k < list.length; k += 1) map.set(list[k]!, k);
  return tableOver(map, () => undefined);
}

/**
 * The same table over the lexemes in `list` order and `order`, their indices sorted by word
 * (code units): a word is found by binary search, and nothing is built at start-up. Words wink
 * adds (those outside the lexicon) go to a small Map.
 */
function sortedBacked(list: readonly string[], order: Uint32Array): Record<string, number> {
  const find = (word: string): number | undefined => {
    let lo = 0;
    let hi = order.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = order[mid]!;
      const w = list[at]!;
      if (w === word) return at;
      if (w < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
  return tableOver(new Map(), find);
}

function tableOver(added: Map<string, number>, find: (word: string) => number | undefined): Record<string, number> {
  const get = (key: string) => added.get(key) ?? find(key);
  return new Proxy(Object.create(null) as Record<string, number>, {
    get: (_, key) => (typeof key === 'string' ? get(key) : undefined),
    set: (_, key, value: number) => {
      if (typeof key !== 'string') return false;
      added.set(key, value);
      return true;
    },
    has: (_, key) => typeof key === 'string' && get(key) !== undefined,
  });
}

/** read-core-model.js then load-core-model.js of the package, without the copy. */
function readCore(file: string): CoreModel {
  const model = JSON.parse(readFileSync(file, 'utf8')) as CoreModel;
  model.lexicon = words32(model.lexicon);
  model.xpansions = words32(model.xpansions);
  model.features.lexeme.hash = mapBacked(model.features.lexeme.list);
  return prepared(model);
}

/** What load-core-model.js does to the parsed model, but the lexicon and the lexeme table. */
function prepared(model: CoreModel): CoreModel {
  const { packing, features, pos } = model;
  const indexed = (f: Feature) => {
    f.hash = Object.create(null) as Record<string, number>;
    for (let k = 0; k < f.list.length; k += 1) f.hash[f.list[k]!] = k;
  };
  for (const f in packing.layout) if (packing.layout[f]![3] === 0 && f !== 'lexeme') indexed(features[f]!);
  const clusters = features.posClusters.list;
  for (let k = 0; k < clusters.length; k += 1) {
    clusters[k] = new Set(
      String(clusters[k])
        .split('_')
        .map((e) => pos.hash[e] || 0),
    );
  }
  packing.efList = [];
  for (const f in packing.layout) {
    const layout = packing.layout[f]!;
    if (layout[3] === 0) {
      const feature = features[f]!;
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = layout[1]! >>> layout[2]!;
    }
    if (layout[4] === 1) packing.efList.push(f);
  }
  features.lexeme.intrinsicSize = features.lexeme.list.length;
  features.lexeme.index = features.lexeme.list.length;
  return model;
}

// --- the core as the build derives it -------------------------------------------------------

export const WINK_CORE_FILE = 'wink-core.bin';
const winkCoreSource = () =>
  `# wink-eng-lite-web-model ${(require('wink-eng-lite-web-model/package.json') as { version: string }).version} core 1`;
const SEPARATOR = '\0';

/**
 * The package's core model in a form read without parsing 3 MB of JSON or building a table of
 * 87,593 words (about 60 ms of a console start): a line naming the package version; a line of
 * JSON with the model but its lexicon, expansions and lexemes, and their sizes; then the lexicon
 * and the expansions as 32-bit words, the lexemes' indices sorted by word, and the lexemes
 * themselves, NUL-separated (some are newlines).
 */
export function winkCoreBytes(): Buffer {
  const model = JSON.parse(readFileSync(packagedCoreFile(), 'utf8')) as CoreModel;
  const list = model.features.lexeme.list;
  if (list.some((w) => w.includes(SEPARATOR))) throw new Error('wink model: a lexeme holds the separator');
  const lexicon = Buffer.from(model.lexicon as string, 'base64');
  const xpansions = Buffer.from(model.xpansions as string, 'base64');
  const order = Uint32Array.from(list.keys()).sort((a, b) => (list[a]! < list[b]! ? -1 : list[a]! > list[b]! ? 1 : 0));
  const rest = {
    ...model,
    lexicon: '',
    xpansions: '',
    features: { ...model.features, lexeme: { ...model.features.lexeme, list: [] } },
  };
  const sizes = { lexicon: lexicon.length, xpansions: xpansions.length, lexemes: list.length };
  return Buffer.concat([
    Buffer.from(`${winkCoreSource()}\n${JSON.stringify({ sizes, model: rest })}\n`),
    lexicon,
    xpansions,
    Buffer.from(order.buffer),
    Buffer.from(list.join(SEPARATOR)),
  ]);
}

/** The derived core, or undefined when the file is missing or from another version of the package. */
function readDerivedCore(file: string): CoreModel | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const first = bytes.indexOf(10);
  // The first line is checked before anything else is trusted.
  if (first < 0 || bytes.toString('utf8', 0, first) !== winkCoreSource()) return undefined;
  const second = bytes.indexOf(10, first + 1);
  const { sizes, model } = JSON.parse(bytes.toString('utf8', first + 1, second)) as {
    sizes: { lexicon: number; xpansions: number; lexemes: number };
    model: CoreModel;
  };
  let at = second + 1;
  const take = (length: number): Uint32Array => {
    const copy = new Uint8Array(length); // its own ArrayBuffer, at offset 0, aligned for 32-bit words
    copy.set(bytes.subarray(at, (at += length)));
    return new Uint32Array(copy.buffer);
  };
  model.lexicon = take(sizes.lexicon);
  model.xpansions = take(sizes.xpansions);
  const order = take(sizes.lexemes * 4);
  const list = bytes.toString('utf8', at).split(SEPARATOR);
  if (list.length !== sizes.lexemes) return undefined; // cut short: the package's core is read instead
  model.features.lexeme.list = list;
  model.features.lexeme.hash = sortedBacked(list, order);
  return prepared(model);
}

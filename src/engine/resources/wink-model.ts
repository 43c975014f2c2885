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

/** The model to give `winkNLP(model, pipe)`: the package's, with a faster `core()`. */
export function winkModel(): unknown {
  try {
    return fastModel();
  } catch {
    return require('wink-eng-lite-web-model');
  }
}

/** The package's model as it ships (for tests that compare the two). */
export function packagedWinkModel(): unknown {
  return require('wink-eng-lite-web-model');
}

function fastModel(): unknown {
  const dir = path.dirname(require.resolve('wink-eng-lite-web-model'));
  const part = (file: string): unknown => require(path.join(dir, file));
  const coreFile = path.join(dir, 'languages/cur/models/eng-core-web-model.json');
  // Every part (but the core) as model.js of wink-eng-lite-web-model 1.8 assembles it.
  const model = Object.create(null) as Json;
  model.core = () => readCore(coreFile);
  model.sbd = part('load-sbd-model.js');
  model.pos = part('load-pos-model.js');
  // Named entities and sentiment: not in the pipeline storybot asks for (sbd, negation, pos), so
  // empty machines rather than 600 kB of model to parse and never run.
  model.ner = () => ({ machines: [], transformers: [] });
  model.negation = part('load-negation-model.js');
  model.sa = () => ({ machines: [EMPTY_MACHINE], setter: () => undefined });
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
  return new Proxy(Object.create(null) as Record<string, number>, {
    get: (_, key) => (typeof key === 'string' ? map.get(key) : undefined),
    set: (_, key, value: number) => {
      if (typeof key !== 'string') return false;
      map.set(key, value);
      return true;
    },
    has: (_, key) => typeof key === 'string' && map.has(key),
  });
}

/** read-core-model.js then load-core-model.js of the package, without the copy. */
function readCore(file: string): CoreModel {
  const model = JSON.parse(readFileSync(file, 'utf8')) as CoreModel;
  const { packing, features, pos } = model;
  model.lexicon = words32(model.lexicon);
  model.xpansions = words32(model.xpansions);
  const indexed = (f: Feature) => {
    f.hash = Object.create(null) as Record<string, number>;
    for (let k = 0; k < f.list.length; k += 1) f.hash[f.list[k]!] = k;
  };
  for (const f in packing.layout) if (packing.layout[f]![3] === 0) indexed(features[f]!);
  features.lexeme.hash = mapBacked(features.lexeme.list);
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

/**
 * What `npm start` runs (built into dist/bundle/main.js): the bot's bundle, app.cjs (src/run.ts and
 * everything it imports, as one CommonJS file), compiled with the V8 code cache the build wrote
 * beside it (app.cjs.cache, see scripts/bundle.ts). A start then deserialises compiled code instead
 * of parsing and compiling the bundle; Node 20 has no compile cache of its own, and none at all for
 * ES modules. A cache that does not fit this node (another version, other V8 flags) is rejected by
 * V8 and the bundle compiled as usual: a slower start, the same bot.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { APP_FILE, CODE_CACHE_FILE, WRITE_CODE_CACHE } from './launcher-files.js';

type Wrapper = (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;

const dir = import.meta.dirname;
const file = path.join(dir, APP_FILE);
const cacheFile = path.join(dir, CODE_CACHE_FILE);

function readCache(): Buffer | undefined {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined; // no cache: compiled as usual
  }
}

const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData: readCache() });
const app = { exports: {} as { run(): Promise<void> } };
(script.runInThisContext() as Wrapper).call(app.exports, app.exports, createRequire(file), app, file, dir);
await app.exports.run();

if (process.env[WRITE_CODE_CACHE] === '1') {
  // After the run, so that the functions it called are in the cache compiled, not only the top level.
  writeFileSync(`${cacheFile}.tmp`, script.createCachedData());
  renameSync(`${cacheFile}.tmp`, cacheFile);
}

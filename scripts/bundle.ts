/**
 * `npm run build`'s last step: the production bundle in dist/bundle/, what `npm start` runs.
 * - app.cjs: src/run.ts and everything it imports, one CommonJS file, so that a start reads one file
 *   instead of resolving and compiling some four hundred modules (most of a console start's time
 *   went there), and so that V8 can cache its compiled code (it cannot for ES modules on Node 20).
 * - app.cjs.cache: that code cache, written by a run of the bundle that answers a few questions, so
 *   that what a first answer needs is in it compiled (see src/launcher.ts, which reads it).
 * - main.js: the launcher; load-worker.js: the knowledge loader's worker (an ES module).
 * - the derived language resources, where the engine looks for them (the folder of its module).
 * Packages that find their own files at run time (better-sqlite3's addon,
 * discord.js's optional parts, pg's optional native driver) stay in node_modules, and so do the
 * large ones required on first use only (wink-nlp and its model, the YAML parsers, and what drafting
 * a story needs: compromise, chrono-node).
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { APP_FILE, CODE_CACHE_FILE, WRITE_CODE_CACHE } from '../src/launcher-files.js';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist/bundle');
const external = [
  'better-sqlite3',
  'pg',
  'pino-pretty',
  'discord.js',
  '@discordjs/*',
  'wink-nlp',
  'wink-eng-lite-web-model',
  'yaml',
  'js-yaml',
  'compromise',
  'chrono-node',
];
const common = {
  absWorkingDir: root,
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  external,
} as const;

rmSync(outdir, { recursive: true, force: true }); // nothing of an earlier build left beside the new one
await build({
  ...common,
  entryPoints: { main: 'src/launcher.ts', 'load-worker': 'src/knowledge/load-worker.ts' },
  format: 'esm',
  // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
await build({
  ...common,
  entryPoints: { [path.basename(APP_FILE, '.cjs')]: 'src/run.ts' },
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // import() becomes require(), which the launcher's module wrapper provides; import.meta, the
  // bundle's own file, as in an ES module.
  supported: { 'dynamic-import': false },
  banner: { js: "var __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: {
    'import.meta.url': '__importMetaUrl',
    'import.meta.dirname': '__dirname',
    'import.meta.filename': '__filename',
  },
});
// The language resources, by the compiled tree's own writer (tsc ran first: see package.json).
const resources = spawnSync(process.execPath, [path.join(root, 'dist/src/engine/resources/build.js'), outdir], {
  stdio: 'inherit',
});
if (resources.status !== 0) throw new Error('writing the language resources beside the bundle failed');

// The run that writes the code cache: the console, no configuration but a scratch DATA_DIR.
const dataDir = mkdtempSync(path.join(tmpdir(), 'storybot-build-'));
try {
  const questions = [
    '/ask who is leading the talks',
    '/ask is witkoff the secretary of state?',
    '/ask wat did peskov say abt the contacts',
    '/who driscoll',
    '/when did driscoll arrive',
    '/source 2',
    '/about',
  ];
  const warm = spawnSync(process.execPath, [path.join(outdir, 'main.js')], {
    cwd: root,
    input: questions.join('\n') + '\n',
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, [WRITE_CODE_CACHE]: '1' },
    encoding: 'utf8',
  });
  if (warm.status !== 0 || !warm.stdout.includes('Witkoff'))
    throw new Error(`the bundle did not answer (exit ${warm.status}):\n${warm.stdout}${warm.stderr}`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(`dist/bundle: ${APP_FILE} with its code cache (${CODE_CACHE_FILE})`);

/**
 * `npm run build`'s last step: the production entry points bundled by esbuild into dist/bundle/,
 * so that `npm start` reads a handful of files instead of resolving and compiling some four
 * hundred modules one by one (most of a console start's time went there). Packages that find their
 * own files at run time (pino's transport worker, better-sqlite3's addon, discord.js's optional
 * parts, pg's optional native driver) stay in node_modules, and so do those required on first use
 * (wink-nlp, the YAML parsers). The build then writes the derived language resources beside the
 * bundle too, where the engine looks for them (the folder of its own module).
 */
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist/bundle');

await rm(outdir, { recursive: true, force: true }); // no chunk of an earlier build left beside the new ones
await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/main.ts', 'load-worker': 'src/knowledge/load-worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  external: ['better-sqlite3', 'pg', 'pino', 'pino-pretty', 'thread-stream', 'discord.js', '@discordjs/*'],
});

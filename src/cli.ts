/**
 * npm run --silent cli -- batch [--json]: answers each line of standard input.
 * With --json, one JSON object per line on standard output and nothing else.
 */
import { runBatch } from './console/batch.js';
import { runConsole } from './console/console.js';
import { createLogger } from './logger.js';
import { configOrExit, storeOrExit } from './startup.js';

const [mode, ...flags] = process.argv.slice(2);
if (mode !== 'batch') {
  process.stderr.write('usage: npm run --silent cli -- batch [--json] < questions.txt\n');
  process.exit(2);
}
const config = configOrExit();
const store = await storeOrExit(config.knowledgeDir);
if (flags.includes('--json')) {
  await runBatch(store.current, process.stdin, process.stdout);
} else {
  const log = createLogger({ level: config.logLevel ?? 'warn' });
  await runConsole({ store, log, input: process.stdin, output: process.stdout, interactive: false });
}

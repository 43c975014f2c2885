/**
 * npm run --silent cli -- batch [--json]: answers each line of standard input.
 * With --json, one JSON object per line on standard output and nothing else.
 */
import { commands } from '../commands/index.js';
import { runBatch } from './console/batch.js';
import { runConsole } from './console/console.js';
import { Dispatcher } from './dispatch/dispatcher.js';
import { logRequests } from './dispatch/log-requests.js';
import { createLogger } from './logger.js';
import { configOrExit, storeOrExit } from './startup.js';

const [mode, ...flags] = process.argv.slice(2);
if (mode !== 'batch') {
  process.stderr.write('usage: npm run --silent cli -- batch [--json] < questions.txt\n');
  process.exit(2);
}
const config = configOrExit();
const store = await storeOrExit(config.knowledgeDir);
// One script at its own machine: no per-invoker rate limit.
const dispatcher = new Dispatcher({ store, commands, rate: null });
const log = createLogger({ level: config.logLevel ?? 'warn' });
dispatcher.onEvent(logRequests(log));
if (flags.includes('--json')) {
  await runBatch(dispatcher, process.stdin, process.stdout);
} else {
  await runConsole({ dispatcher, log, input: process.stdin, output: process.stdout, interactive: false });
}
// Input may still be open when the reader went away (`| head -1`): we are done either way.
process.stdin.destroy();

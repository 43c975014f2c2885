/**
 * npm start: the Discord bot when DISCORD_TOKEN is set, otherwise the local console.
 */
import path from 'node:path';
import { commands } from '../commands/index.js';
import { runConsole } from './console/console.js';
import { Dispatcher } from './dispatch/dispatcher.js';
import { logRequests } from './dispatch/log-requests.js';
import { createLogger } from './logger.js';
import { PinStore } from './stories/pins.js';
import { configOrExit, storeOrExit } from './startup.js';

const config = configOrExit();
const store = await storeOrExit(config.knowledgeDir);

if (config.discord) {
  const log = createLogger({
    level: config.logLevel ?? 'info',
    secrets: [config.discord.token],
    pretty: Boolean(process.stdout.isTTY),
  });
  // Channel pins outlive a restart; data/ until the storage of issue 9 gives a DATA_DIR.
  const pins = await PinStore.open(path.resolve('data/pins.json'));
  const dispatcher = new Dispatcher({ store, commands, pins });
  dispatcher.onEvent(logRequests(log));
  const { startBot } = await import('./discord/bot.js');
  await startBot({ config, discord: config.discord, dispatcher, log });
} else {
  const interactive = Boolean(process.stdin.isTTY);
  process.stderr.write('No DISCORD_TOKEN set: running the local console instead of the Discord bot.\n');
  const log = createLogger({ level: config.logLevel ?? 'warn', pretty: interactive });
  // The person at the console, at their own machine: no rate limit.
  const dispatcher = new Dispatcher({ store, commands, rate: null });
  dispatcher.onEvent(logRequests(log));
  await runConsole({ dispatcher, log, input: process.stdin, output: process.stdout, interactive });
}

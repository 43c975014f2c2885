/**
 * npm start: HTTP interactions when DISCORD_PUBLIC_KEY and HTTP_PORT are set; otherwise the Discord
 * bot on the gateway when DISCORD_TOKEN is set; otherwise the local console.
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

if (config.http?.publicKey) {
  const log = createLogger({
    level: config.logLevel ?? 'info',
    secrets: config.discord ? [config.discord.token] : [],
    pretty: Boolean(process.stdout.isTTY),
  });
  const dispatcher = new Dispatcher({ store, commands });
  dispatcher.onEvent(logRequests(log));
  const { serveUntilSignal } = await import('./http/service.js');
  await serveUntilSignal({
    http: config.http,
    store,
    dispatcher,
    log,
    modRoleIds: config.modRoleIds,
    mode: 'http',
    databaseUrl: config.storage.databaseUrl,
  });
} else if (config.discord) {
  const log = createLogger({
    level: config.logLevel ?? 'info',
    secrets: [config.discord.token],
    pretty: Boolean(process.stdout.isTTY),
  });
  // Channel pins outlive a restart; data/ until the storage of issue 9 gives a DATA_DIR.
  const pins = await PinStore.open(path.resolve('data/pins.json'));
  const dispatcher = new Dispatcher({ store, commands, pins });
  dispatcher.onEvent(logRequests(log));
  // /healthz and /metrics beside the gateway (and knowledge sync when there is a database).
  const { startService } = await import('./http/service.js');
  const service = config.http
    ? await startService({
        http: config.http,
        store,
        dispatcher,
        log,
        modRoleIds: config.modRoleIds,
        mode: 'gateway',
        databaseUrl: config.storage.databaseUrl,
      })
    : null;
  const { startBot } = await import('./discord/bot.js');
  await startBot({
    config,
    discord: config.discord,
    dispatcher,
    log,
    onReady: (bot) => service?.metrics.gatewayPing(() => bot.client.ws.ping),
  });
} else {
  const interactive = Boolean(process.stdin.isTTY);
  process.stderr.write('No DISCORD_TOKEN set: running the local console instead of the Discord bot.\n');
  const log = createLogger({ level: config.logLevel ?? 'warn', pretty: interactive });
  // The person at the console, at their own machine: no rate limit.
  const dispatcher = new Dispatcher({ store, commands, rate: null });
  dispatcher.onEvent(logRequests(log));
  await runConsole({ dispatcher, log, input: process.stdin, output: process.stdout, interactive });
}

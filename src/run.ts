/**
 * The bot, in the mode its configuration asks for: HTTP interactions when DISCORD_PUBLIC_KEY and
 * HTTP_PORT are set; otherwise the Discord bot on the gateway when DISCORD_TOKEN is set; otherwise
 * the local console. Every mode opens the bot's state (the embedded database under DATA_DIR, or
 * PostgreSQL) once, here, and closes it last. Run by src/main.ts, and in production by the
 * bundle's launcher (src/launcher.ts).
 */
import path from 'node:path';
import { commands, QUESTION_OPTIONS } from '../commands/index.js';
import { runConsole } from './console/console.js';
import { logQuestionsOf } from './curation/question-listener.js';
import { openCuration } from './curation/services.js';
import { Dispatcher } from './dispatch/dispatcher.js';
import { logRequests } from './dispatch/log-requests.js';
import { createLogger } from './logger.js';
import { configOrExit, storeOrExit } from './startup.js';

export async function run(): Promise<void> {
  const config = configOrExit();
  const mode = config.http?.publicKey ? 'http' : config.discord ? 'gateway' : 'console';
  const interactive = Boolean(process.stdin.isTTY);
  if (mode === 'console')
    process.stderr.write('No DISCORD_TOKEN set: running the local console instead of the Discord bot.\n');
  const log = createLogger({
    level: config.logLevel ?? (mode === 'console' ? 'warn' : 'info'),
    secrets: config.discord ? [config.discord.token] : [],
    pretty: mode === 'console' ? interactive : Boolean(process.stdout.isTTY),
  });
  const store = await storeOrExit(config.knowledgeDir);
  const curation = await openCuration(config.storage, store, log);
  const closeState = () => curation.close();
  // Channel pins live in the database; an older version's pins.json is brought in once.
  await curation.pins.importFile(path.join(config.storage.dataDir, 'pins.json'));
  /** Every question a member submits, on every transport, goes to the question log (written off the reply path). */
  const logQuestions = (dispatcher: Dispatcher) =>
    dispatcher.onEvent(logQuestionsOf(curation.questions, store, QUESTION_OPTIONS));

  if (mode === 'http' && config.http) {
    const dispatcher = new Dispatcher({ store, commands, curation });
    dispatcher.onEvent(logRequests(log));
    logQuestions(dispatcher);
    const { serveUntilSignal } = await import('./http/service.js');
    await serveUntilSignal({
      http: config.http,
      store,
      dispatcher,
      log,
      modRoleIds: config.modRoleIds,
      mode: 'http',
      databaseUrl: config.storage.databaseUrl,
      onClose: closeState,
    });
  } else if (mode === 'gateway' && config.discord) {
    const dispatcher = new Dispatcher({ store, commands, curation });
    dispatcher.onEvent(logRequests(log));
    logQuestions(dispatcher);
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
      onStop: async () => {
        await service?.close();
        await closeState();
      },
    });
  } else {
    // The person at the console, at their own machine: no rate limit.
    const dispatcher = new Dispatcher({ store, commands, rate: null, curation });
    dispatcher.onEvent(logRequests(log));
    logQuestions(dispatcher);
    await runConsole({ dispatcher, log, input: process.stdin, output: process.stdout, interactive });
    await closeState();
  }
}

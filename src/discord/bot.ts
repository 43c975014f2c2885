import { Client, Events, GatewayIntentBits, Options, Partials } from 'discord.js';
import type { Config, DiscordConfig } from '../config.js';
import type { Dispatcher } from '../dispatch/dispatcher.js';
import type { Logger } from '../logger.js';
import { handleInteraction } from './interactions.js';
import { handleMessage } from './messages.js';
import { NO_MENTIONS } from './render.js';

export interface BotOptions {
  config: Config;
  discord: DiscordConfig;
  /** Every request goes through it: commands, autocomplete and did-you-mean buttons. */
  dispatcher: Dispatcher;
  log: Logger;
  /** Called once logged in (by `startBot`): metrics read the gateway ping from the client. */
  onReady?: (bot: Bot) => void;
  /** Called on shutdown once the gateway is closed, before the process exits: close what the bot opened. */
  onStop?: () => Promise<void>;
}

export interface Bot {
  client: Client;
  /** Interactions received and not yet answered. */
  readonly inFlight: number;
  /**
   * Resolves once every interaction received is answered and none has arrived for `quietMs`, or
   * after `timeoutMs`, with how many were still unanswered. Interactions Discord has already
   * delivered are answered, not dropped: Discord never sends them again.
   */
  drain(timeoutMs: number, quietMs?: number): Promise<number>;
  /** Destroys the client, waiting at most `timeoutMs`: a client reconnecting may not finish. */
  stop(timeoutMs?: number): Promise<void>;
}

/** Gateway close codes after which reconnecting cannot help: a person must change something. */
export const FATAL_CLOSE: Readonly<Record<number, string>> = {
  4004: 'Discord refused DISCORD_TOKEN (gateway close 4004, authentication failed): copy the token again from the Developer Portal (Bot, Reset Token)',
  4010: 'Discord refused the shard settings (gateway close 4010)',
  4011: 'Discord requires sharding for this bot (gateway close 4011)',
  4012: 'Discord refused the gateway API version (gateway close 4012): update discord.js',
  4013: 'Discord refused the gateway intents as invalid (gateway close 4013)',
  4014: 'Discord refused the gateway intents (gateway close 4014, disallowed intents): enable them for the bot in the Developer Portal (Bot, Privileged Gateway Intents)',
};

/** The gateway closed for good with one of `FATAL_CLOSE`'s codes. */
export class GatewayRefusedError extends Error {
  constructor(readonly code: number) {
    super(FATAL_CLOSE[code] ?? `Discord closed the gateway with code ${code}`);
    this.name = 'GatewayRefusedError';
  }
}

/**
 * The gateway intents, none privileged: Guilds for interactions, GuildMessages and DirectMessages
 * for mentions and DMs. Without MessageContent Discord still delivers the text of messages that
 * mention the bot and of DMs, and nothing of any other message.
 */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/**
 * Logs in with `INTENTS` (no privileged intents, no message content) and answers interactions,
 * mentions and DMs. Resolves once the client is ready.
 */
export async function createBot({
  config,
  discord,
  dispatcher,
  log,
  onFatal,
}: BotOptions & { onFatal?: (err: GatewayRefusedError) => void }): Promise<Bot> {
  const client = new Client({
    intents: INTENTS,
    // A DM channel is not cached before its first message: without this, discord.js drops DMs.
    partials: [Partials.Channel],
    // With GuildMessages every message of every channel arrives (without its text unless it mentions
    // the bot); discord.js would keep 200 per channel. The bot reads a message, and the answer it
    // replies to, only as it arrives.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 10 }),
    allowedMentions: NO_MENTIONS,
    rest: { api: discord.apiUrl },
  });
  const deps = { dispatcher, log, modRoleIds: config.modRoleIds };
  // Work in progress, so a shutdown can finish it before the process ends.
  const work = new Set<Promise<void>>();
  let lastArrival = 0;
  client.on(Events.InteractionCreate, (interaction) => {
    lastArrival = performance.now();
    const done: Promise<void> = handleInteraction(interaction, deps).finally(() => work.delete(done));
    work.add(done);
  });
  client.on(Events.MessageCreate, (message) => {
    lastArrival = performance.now();
    const done: Promise<void> = handleMessage(message, deps).finally(() => work.delete(done));
    work.add(done);
  });
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));
  let refused: (err: GatewayRefusedError) => void = () => undefined;
  client.on(Events.ShardDisconnect, (event, shard) => {
    if (event.code in FATAL_CLOSE) {
      const err = new GatewayRefusedError(event.code);
      refused(err);
      onFatal?.(err);
    } else log.warn({ shard, code: event.code }, 'gateway disconnected');
  });
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, 'gateway reconnecting'));

  const ready = new Promise<void>((resolve, reject) => {
    refused = reject;
    client.once(Events.ClientReady, (c) => {
      log.info(
        { user: c.user.id, tag: c.user.tag, guilds: c.guilds.cache.size, commands: dispatcher.commands.length },
        'logged in and ready',
      );
      resolve();
    });
  });
  try {
    await client.login(discord.token);
    await ready;
  } catch (err) {
    await client.destroy();
    throw err;
  }

  return {
    client,
    get inFlight() {
      return work.size;
    },
    async drain(timeoutMs, quietMs = 250) {
      const deadline = performance.now() + timeoutMs;
      while (performance.now() < deadline) {
        if (work.size === 0 && performance.now() - lastArrival >= quietMs) break;
        await Promise.race([Promise.allSettled([...work]), sleep(Math.min(quietMs, 50))]);
      }
      return work.size;
    },
    async stop(timeoutMs = 3000) {
      await Promise.race([client.destroy(), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long a shutdown waits for work in progress before it ends the process anyway. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * `npm start` with a token: the bot, until SIGINT or SIGTERM. On either, it finishes the
 * interactions it has received (at most `SHUTDOWN_GRACE_MS`), closes the gateway, flushes the
 * log and exits 0. A refused token or intents exit 2 with one line saying what to fix.
 */
export async function startBot(options: BotOptions): Promise<void> {
  const { log } = options;
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled promise rejection'));
  let refusal: GatewayRefusedError | undefined;
  const refused = (err: GatewayRefusedError) => {
    if (refusal) return;
    refusal = err;
    log.fatal({ code: err.code }, err.message);
    exitAfterFlush(log, 2);
  };
  // Listening before log-in: a signal that comes while logging in must not kill the process outright.
  let bot: Bot | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    // npm forwards the signal a process group already got: the second one is the same request.
    if (stopping) return;
    stopping = true;
    log.info({ signal, inFlight: bot?.inFlight ?? 0 }, 'shutting down: finishing the interactions received');
    const unfinished = bot ? await bot.drain(SHUTDOWN_GRACE_MS) : 0;
    await bot?.stop();
    await options.onStop?.().catch((err: unknown) => log.error({ err }, 'could not close cleanly'));
    log.info({ unfinished }, 'stopped');
    exitAfterFlush(log, 0);
  };
  process.on('SIGINT', (s) => void shutdown(s));
  process.on('SIGTERM', (s) => void shutdown(s));
  try {
    bot = await createBot({ ...options, onFatal: refused });
    options.onReady?.(bot);
  } catch (err) {
    if (refusal || stopping) return; // said and exiting
    log.fatal({ err: { message: (err as Error).message } }, 'could not log in to Discord');
    exitAfterFlush(log, 1);
  }
}

/** Exits once the log lines written so far have reached their destination. */
function exitAfterFlush(log: Logger, code: number): void {
  log.flush(() => process.exit(code));
}

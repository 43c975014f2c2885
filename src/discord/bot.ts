import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Config, DiscordConfig } from '../config.js';
import type { Dispatcher } from '../dispatch/dispatcher.js';
import type { Logger } from '../logger.js';
import { handleInteraction } from './interactions.js';
import { NO_MENTIONS } from './render.js';

export interface BotOptions {
  config: Config;
  discord: DiscordConfig;
  /** Every request goes through it: commands, autocomplete and did-you-mean buttons. */
  dispatcher: Dispatcher;
  log: Logger;
}

export interface Bot {
  client: Client;
  /** Destroys the client, waiting at most `timeoutMs`: a client reconnecting may not finish. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Logs in with the Guilds intent only (no privileged intents, no message content) and answers
 * interactions. Resolves once the client is ready.
 */
export async function createBot({ config, discord, dispatcher, log }: BotOptions): Promise<Bot> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    rest: { api: discord.apiUrl },
  });
  const deps = { dispatcher, log, modRoleIds: config.modRoleIds };
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, deps));
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ shard, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, 'gateway reconnecting'));

  const ready = new Promise<void>((resolve) =>
    client.once(Events.ClientReady, (c) => {
      log.info(
        { user: c.user.id, tag: c.user.tag, guilds: c.guilds.cache.size, commands: dispatcher.commands.length },
        'logged in and ready',
      );
      resolve();
    }),
  );
  await client.login(discord.token);
  await ready;

  return {
    client,
    async stop(timeoutMs = 3000) {
      await Promise.race([client.destroy(), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
    },
  };
}

/** `npm start` with a token: the bot, until SIGINT or SIGTERM. */
export async function startBot(options: BotOptions): Promise<void> {
  const { log } = options;
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled promise rejection'));
  let bot: Bot;
  try {
    bot = await createBot(options);
  } catch (err) {
    log.fatal(
      { err: { message: (err as Error).message, code: (err as { code?: unknown }).code } },
      'could not log in to Discord',
    );
    process.exit(1);
  }
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    void bot.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

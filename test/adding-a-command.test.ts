import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { readConfig } from '../src/config.js';
import { runConsole } from '../src/console/console.js';
import { textOption, type Command } from '../src/dispatch/command.js';
import { APOLOGY, Dispatcher } from '../src/dispatch/dispatcher.js';
import { createBot, type Bot } from '../src/discord/bot.js';
import { deployCommands } from '../src/discord/deploy.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { createLogger } from '../src/logger.js';
import { APP_ID, FakeDiscord, GUILD_ID, TOKEN } from '../src/testing/fake-discord.js';
import { KNOWLEDGE_DIR } from './helpers/knowledge.js';

/**
 * The README's worked example: a new command is one declaration in a list. Nothing else in the
 * code changes, yet Discord registers it, dispatches it and the console runs it.
 */
const count: Command = {
  name: 'count',
  description: 'How many entries of one kind the knowledge holds',
  options: [textOption('kind', 'qa, person, event or gap', 10)],
  access: 'everyone',
  defer: false,
  cooldown: 'member',
  run: ({ store }, { kind }) => ({
    type: 'info',
    title: 'Count',
    lines: [`${store.current.knowledge.entries.filter((e) => e.kind === kind).length} ${kind} entries`],
    ephemeral: true,
  }),
};

const boom: Command = {
  name: 'boom',
  description: 'A command whose handler throws',
  options: [],
  access: 'everyone',
  defer: false,
  cooldown: 'member',
  run: () => {
    throw new Error('handler exploded');
  },
};

const list = [...commands, count, boom];
let store: KnowledgeStore;
beforeAll(async () => {
  store = await KnowledgeStore.open(KNOWLEDGE_DIR);
});

describe('a command added to a temporary list', () => {
  let fake: FakeDiscord;
  let bot: Bot;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    const config = readConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl }, { dotenv: false });
    const dispatcher = new Dispatcher({ store, commands: list });
    bot = await createBot({ config, discord: config.discord!, dispatcher, log: createLogger({ level: 'silent' }) });
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.stop();
  });

  it('is registered with Discord with its option and limit', async () => {
    await deployCommands({ token: TOKEN, clientId: APP_ID, guildId: GUILD_ID, apiUrl: fake.apiUrl }, list);
    const registered = (fake.registered.get(GUILD_ID) as any[]).find((c) => c.name === 'count');
    expect(registered.options[0]).toMatchObject({ name: 'kind', type: 3, required: true, max_length: 10 });
  });

  it('answers on Discord', async () => {
    const r = await fake.command('count', { kind: 'person' });
    expect(r.body.data.embeds[0].description).toBe('13 person entries');
  });

  it('has its option length enforced by the dispatcher', async () => {
    const r = await fake.command('count', { kind: 'everything at once' });
    expect(r.body.data.content).toMatch(/keep kind under 10 characters/);
  });
});

describe('the console, with the same temporary list', () => {
  async function typeInto(lines: string[]): Promise<string> {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d) => (text += d));
    const dispatcher = new Dispatcher({ store, commands: list, rate: null });
    const done = runConsole({ dispatcher, log: createLogger({ level: 'silent' }), input, output, interactive: false });
    input.end(lines.join('\n'));
    await done;
    return text;
  }

  it('runs the new command, and lists it in /help', async () => {
    const out = await typeInto(['/count event', '/help']);
    expect(out).toMatch(/^Count\n {2}\d+ event entries$/m);
    expect(out).toMatch(/\/count <kind>: How many entries of one kind/);
  });

  it('prints one line when a handler throws, and keeps answering', async () => {
    const out = await typeInto(['/boom', '/who Peskov']);
    const [first, ...rest] = out.split('\n');
    expect(first).toBe(APOLOGY);
    expect(rest.join('\n')).toMatch(/^Dmitry Peskov: Kremlin spokesperson/);
  });
});

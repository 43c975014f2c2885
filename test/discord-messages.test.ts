import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GatewayIntentBits, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { readConfig } from '../src/config.js';
import { openCuration, type Curation } from '../src/curation/services.js';
import { Dispatcher } from '../src/dispatch/dispatcher.js';
import { logRequests } from '../src/dispatch/log-requests.js';
import { MESSAGE_LIMITS } from '../src/dispatch/limits.js';
import { createBot, type Bot } from '../src/discord/bot.js';
import { deployCommands } from '../src/discord/deploy.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { createLogger } from '../src/logger.js';
import {
  APP_ID,
  BOT_USER_ID,
  DM_CHANNEL_ID,
  FakeDiscord,
  GUILD_ID,
  OTHER_CHANNEL_IDS,
  TOKEN,
  type Recorded,
} from '../src/testing/fake-discord.js';
import { KNOWLEDGE_DIR } from './helpers/knowledge.js';

/**
 * Asking the way people talk in Discord, end to end with the real discord.js client against the
 * fake Discord: a mention, a DM, a reply to an answer, and the "Ask storybot" message command. Two
 * copies of the bot share one database, as several copies on one DATABASE_URL do.
 */
let fake: FakeDiscord;
const bots: Bot[] = [];
let curation: Curation;
let dataDir: string;
const logLines: any[] = [];
let users = 0;
const member = () => ({ id: String(900000000000600000n + BigInt(++users)), username: 'reader' });
const mention = (text: string) => `<@${BOT_USER_ID}> ${text}`;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  dataDir = await mkdtemp(path.join(tmpdir(), 'storybot-messages-'));
  const config = readConfig(
    {
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_GUILD_ID: GUILD_ID,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: dataDir,
    },
    { dotenv: false },
  );
  const log = createLogger({
    level: 'info',
    secrets: [TOKEN],
    destination: { write: (line: string) => void logLines.push(JSON.parse(line)) },
  });
  const store = await KnowledgeStore.open(KNOWLEDGE_DIR);
  curation = await openCuration(config.storage, store);
  for (let copy = 0; copy < 2; copy++) {
    // Each copy its own dispatcher (its own cooldowns), one database between them.
    const dispatcher = new Dispatcher({ store, commands, curation });
    dispatcher.onEvent(logRequests(log));
    bots.push(await createBot({ config, discord: config.discord!, dispatcher, log }));
  }
});

afterAll(async () => {
  await Promise.all(bots.map((b) => b.stop()));
  await curation?.close();
  await fake?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const embedOf = (r: Recorded) => r.body.embeds[0];

/** Sends a message and resolves with the one reply the copies of the bot sent to it. */
async function ask(opts: Parameters<FakeDiscord['message']>[0]): Promise<Recorded> {
  const id = fake.message(opts);
  const reply = await fake.replyTo(id);
  // Both copies have had the message: one answered, the other found it answered.
  await Promise.all(bots.map((b) => b.drain(5000, 50)));
  expect(fake.repliesTo(id)).toHaveLength(1);
  return reply;
}

/** Sends messages that must go unanswered, then a mention after them: once that is answered, they were read. */
async function unanswered(...messages: Parameters<FakeDiscord['message']>[0][]): Promise<void> {
  const ids = messages.map((m) => fake.message(m));
  await ask({ content: mention('who is leading the talks?'), author: member() });
  for (const id of ids) expect(fake.repliesTo(id)).toEqual([]);
}

describe('logging in', () => {
  it('identifies with exactly Guilds, GuildMessages and DirectMessages: no privileged intent', () => {
    expect(fake.identified).toBe(2);
    expect(fake.intents).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages,
    );
  });
});

describe('mentioning the bot', () => {
  it('answers as a reply with the quoted line, pinging nobody, its author included', async () => {
    const r = await ask({ content: mention('who is leading the talks?'), author: member() });
    expect(r.path).toBe(`/api/v10/channels/${r.response.channel_id}/messages`);
    expect(r.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(r.body.flags ?? 0).toBe(0);
    expect(embedOf(r).title).toBe('“who is leading the talks?”');
    expect(embedOf(r).description).toMatch(/Steve Witkoff/);
    expect(embedOf(r).fields[0]).toMatchObject({
      name: 'Line 2 · CNN',
      value: expect.stringMatching(/^> Steve Witkoff/),
    });
  });

  it('logs it as /ask, asked by mention', async () => {
    const who = member();
    await ask({ content: mention('who is Peskov?'), author: who });
    expect(logLines).toContainEqual(
      expect.objectContaining({ msg: 'interaction', user: who.id, command: 'ask', via: 'mention', status: 'answered' }),
    );
  });

  it('never answers a message that does not mention it (@everyone and roles do not), nor a bot, a webhook or itself', async () => {
    await unanswered(
      { content: 'who is leading the talks?', author: member() },
      { content: '@everyone who is leading the talks?', author: member(), mentionsBot: false },
      { content: `<@&${GUILD_ID}> who is leading the talks?`, author: member(), mentionsBot: false },
      { content: mention('who is leading the talks?'), author: { ...member(), bot: true } },
      { content: mention('who is leading the talks?'), author: member(), webhookId: '900000000000000555' },
      { content: mention('who is leading the talks?'), author: { id: BOT_USER_ID, bot: true } },
    );
  });

  it('answers an over-long question with a short reply asking for less', async () => {
    const r = await ask({ content: mention('why '.repeat(300)), author: member() });
    expect(r.body.content).toMatch(/under 1000 characters/);
    expect(r.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('answers a message delivered twice once', async () => {
    const id = fake.message({ content: mention('who is leading the talks?'), author: member() });
    fake.message({ id, content: mention('who is leading the talks?'), author: member() });
    await fake.replyTo(id);
    // The other copy got it too, and found it answered (discord.js itself drops a second delivery it has cached).
    await expect.poll(() => logLines.some((l) => l.interaction === id && l.status === 'duplicate')).toBe(true);
    await Promise.all(bots.map((b) => b.drain(5000, 50)));
    expect(fake.repliesTo(id)).toHaveLength(1);
  });

  it('answers a burst of mentions in a channel up to its share, counted across the copies, and no more', async () => {
    const { uses } = MESSAGE_LIMITS.perChannel;
    const ids = Array.from({ length: uses + 4 }, () =>
      fake.message({ content: mention('who is Peskov?'), author: member(), channelId: OTHER_CHANNEL_IDS[0] }),
    );
    await expect
      .poll(() => ids.filter((id) => logLines.some((l) => l.interaction === id && l.status === 'channel_rate')).length)
      .toBe(4);
    await Promise.all(bots.map((b) => b.drain(5000, 50)));
    expect(ids.filter((id) => fake.repliesTo(id).length > 0)).toHaveLength(uses);
  });
});

describe('a DM to the bot', () => {
  it('is answered without a mention, as a reply', async () => {
    const r = await ask({ content: 'when did Driscoll arrive?', author: member(), dm: true });
    expect(r.path).toBe(`/api/v10/channels/${DM_CHANNEL_ID}/messages`);
    expect(embedOf(r).description).toMatch(/^Wednesday/);
  });
});

describe('replying to an answer', () => {
  it('asks a follow-up about what it answered: “when did he arrive?” after Driscoll answers Wednesday from line 3', async () => {
    const who = member();
    const first = await ask({
      content: mention('why did Driscoll go to Ukraine?'),
      author: who,
      channelId: OTHER_CHANNEL_IDS[1],
    });
    expect(embedOf(first).fields[0].name).toMatch(/^Line 3/);
    const r = await ask({
      content: 'when did he arrive?',
      author: who,
      channelId: OTHER_CHANNEL_IDS[1],
      replyTo: { id: first.response.id, authorId: BOT_USER_ID },
    });
    expect(embedOf(r).title).toBe('“when did Dan Driscoll arrive?”');
    expect(embedOf(r).description).toMatch(/^Wednesday/);
    expect(embedOf(r).fields[0].name).toMatch(/^Line 3 · /);
    expect(r.body.content ?? '').toBe('');
  });

  it('keeps the topic: “and what did the Kremlin say about it?” after who leads the talks', async () => {
    const who = member();
    const first = await ask({
      content: mention('who is leading the talks?'),
      author: who,
      channelId: OTHER_CHANNEL_IDS[1],
    });
    const r = await ask({
      content: 'and what did the Kremlin say about it?',
      author: who,
      channelId: OTHER_CHANNEL_IDS[1],
      replyTo: { id: first.response.id, authorId: BOT_USER_ID },
    });
    expect(embedOf(r).title).toBe('“what did the Kremlin say about the talks?”');
    expect(embedOf(r).fields.map((f: any) => f.name)).toContainEqual(expect.stringMatching(/^Line 6 · /));
  });

  it('follows up on a slash command’s answer too, from the question it showed', async () => {
    const slash = await fake.command('ask', { question: 'why did Driscoll go to Ukraine?' }, { user: member() });
    const r = await ask({
      content: 'when did he arrive?',
      author: member(),
      channelId: OTHER_CHANNEL_IDS[1],
      // What Discord includes of the interaction's response message: the bot's own embed.
      replyTo: { id: '900000000000888888', authorId: BOT_USER_ID, embeds: slash.body.data.embeds },
    });
    expect(embedOf(r).title).toBe('“when did Dan Driscoll arrive?”');
    expect(embedOf(r).description).toMatch(/^Wednesday/);
  });

  it('says what it took a follow-up to mean when it no longer has the answer', async () => {
    const r = await ask({
      content: 'what did she say?',
      author: member(),
      channelId: OTHER_CHANNEL_IDS[1],
      replyTo: { id: '900000000000999999', authorId: BOT_USER_ID },
    });
    expect(r.body.content).toMatch(/I no longer have the answer you replied to.*“she”/);
  });
});

describe('the “Ask storybot” message command', () => {
  it('is registered with the slash commands, as a message command', async () => {
    await deployCommands({ token: TOKEN, clientId: APP_ID, guildId: GUILD_ID, apiUrl: fake.apiUrl });
    const body = fake.registered.get(GUILD_ID) as any[];
    expect(body).toContainEqual(expect.objectContaining({ name: 'Ask storybot', type: 3 }));
    expect(body.filter((c) => c.type === 1 || c.type === undefined)).toHaveLength(commands.length);
  });

  it('answers the target message’s text publicly, naming who asked and whose message it was', async () => {
    const asker = member();
    const r = await fake.messageCommand(
      'Ask storybot',
      { content: 'who is leading the talks?', authorId: '900000000000000011' },
      { user: asker },
    );
    expect(r.body.type).toBe(4);
    expect((r.body.data.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    expect(r.body.data.content).toBe(`Asked by <@${asker.id}> about <@900000000000000011>'s message.`);
    expect(r.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(r.body.data.embeds[0].description).toMatch(/Steve Witkoff/);
  });

  it('declines privately', async () => {
    const r = await fake.messageCommand('Ask storybot', { content: 'what does China think?' }, { user: member() });
    expect(r.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(r.body.data.embeds[0].description).toMatch(/China/);
  });
});

describe('/help', () => {
  it('shows the ways to ask without a command', async () => {
    const r = await fake.command('help', {}, { user: member() });
    const text = r.body.data.embeds[0].description;
    expect(text).toMatch(/Mention storybot in a message/);
    expect(text).toMatch(/Reply to one of its answers/);
    expect(text).toMatch(/Apps → Ask storybot/);
  });
});

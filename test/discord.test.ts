import { GatewayIntentBits, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../commands/index.js';
import { readConfig } from '../src/config.js';
import type { Command } from '../src/dispatch/command.js';
import { APOLOGY, Dispatcher } from '../src/dispatch/dispatcher.js';
import { logRequests } from '../src/dispatch/log-requests.js';
import { createBot, type Bot } from '../src/discord/bot.js';
import { deployCommands } from '../src/discord/deploy.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { createLogger } from '../src/logger.js';
import {
  APP_ID,
  FakeDiscord,
  GUILD_ID,
  MOD_ROLE_ID as MOD_ROLE,
  MODERATOR_PERMISSIONS,
  TOKEN,
  type Recorded,
} from '../src/testing/fake-discord.js';
import { copyKnowledge, QA, ROOT } from './helpers/knowledge.js';
import { spawn } from 'node:child_process';
import { once } from 'node:events';

const boom: Command = {
  name: 'boom',
  description: 'A command whose handler throws, to test the error boundary',
  options: [],
  access: 'everyone',
  defer: false,
  cooldown: 'member',
  run: () => {
    throw new Error('handler exploded');
  },
};

const boomAfterDefer: Command = { ...boom, name: 'boom-deferred', defer: 'public' };

let fake: FakeDiscord;
let bot: Bot;
let dispatcher: Dispatcher;
let scratch: Awaited<ReturnType<typeof copyKnowledge>>;
const logLines: any[] = [];
let users = 0;
/** A fresh member for each test, so the per-user cooldown of one test does not leak into another. */
const member = () => ({ user: { id: String(900000000000500000n + BigInt(++users)) } });

beforeAll(async () => {
  fake = await FakeDiscord.start();
  scratch = await copyKnowledge();
  const config = readConfig(
    {
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_GUILD_ID: GUILD_ID,
      DISCORD_API_URL: fake.apiUrl,
      MOD_ROLE_IDS: MOD_ROLE,
    },
    { dotenv: false },
  );
  const log = createLogger({
    level: 'info',
    secrets: [TOKEN],
    destination: { write: (line: string) => void logLines.push(JSON.parse(line)) },
  });
  const store = await KnowledgeStore.open(scratch.dir);
  dispatcher = new Dispatcher({ store, commands: [...commands, boom, boomAfterDefer] });
  dispatcher.onEvent(logRequests(log));
  bot = await createBot({ config, discord: config.discord!, dispatcher, log });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  await scratch?.remove();
});

const embedOf = (r: Recorded) => r.body.data.embeds[0];
/** The interaction token a callback was sent with: later edits and follow-ups carry it in their path. */
const tokenOf = (callback: Recorded) => callback.path.split('/')[5]!;
const isEphemeral = (r: Recorded) => ((r.body.data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

describe('logging in', () => {
  it('identifies with Guilds, GuildMessages and DirectMessages only: no privileged intents, no message content', () => {
    expect(fake.identified).toBe(1);
    expect(fake.intents).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages,
    );
  });
});

describe('npm run deploy-commands', () => {
  it('registers every command to the configured server, with its options and limits', async () => {
    const { count } = await deployCommands({ token: TOKEN, clientId: APP_ID, guildId: GUILD_ID, apiUrl: fake.apiUrl });
    const body = fake.registered.get(GUILD_ID) as any[];
    expect(count).toBe(commands.length + 1);
    expect(body.map((c) => c.name)).toEqual([
      'ask',
      'who',
      'when',
      'source',
      'about',
      'help',
      'refresh',
      'story',
      'unanswered',
      'teach',
      'knowledge',
      'Ask storybot',
    ]);
    // /unanswered's days is an integer option, /knowledge import's file an attachment.
    const days = body.find((c) => c.name === 'unanswered').options[0];
    expect(days).toMatchObject({ name: 'days', type: 4, min_value: 1 });
    expect(body.find((c) => c.name === 'knowledge').options[1]).toMatchObject({ name: 'file', type: 11 });
    expect(body.find((c) => c.name === 'teach').default_member_permissions).toBe(String(1 << 5));
    const ask = body.find((c) => c.name === 'ask');
    expect(ask.options[0]).toMatchObject({ name: 'question', type: 3, required: true, max_length: 1000 });
    expect(body.find((c) => c.name === 'who').options[0].autocomplete).toBe(true);
    const refresh = body.find((c) => c.name === 'refresh');
    expect(refresh.default_member_permissions).toBe(String(1 << 5)); // Manage Server
    expect(refresh.contexts).toEqual([0]); // guild only
    const put = fake.requests.find((r) => r.method === 'PUT')!;
    expect(put.auth).toBe(`Bot ${TOKEN}`);
  });
});

describe('/ask', () => {
  it('answers publicly with the quoted line, its number and attribution, pinging nobody', async () => {
    const r = await fake.command('ask', { question: 'who is leading the talks?' }, member());
    expect(r.body.type).toBe(4);
    expect(isEphemeral(r)).toBe(false);
    expect(r.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const embed = embedOf(r);
    expect(embed.description).toMatch(/Steve Witkoff/);
    expect(embed.fields[0]).toMatchObject({ name: 'Line 2 · CNN', value: expect.stringMatching(/^> Steve Witkoff/) });
  });

  it('shows each side of a conflicting account with its own attribution', async () => {
    const r = await fake.command('ask', { question: 'are the negotiations making progress' }, member());
    const names = embedOf(r).fields.map((f: any) => f.name);
    expect(names[0]).toMatch(/^Accounts differ · Line 2 · a source familiar with the discussions/);
    expect(names).toContain('Line 6 · Kremlin spokesperson Dmitry Peskov');
  });

  it('says privately what the report does not cover', async () => {
    const r = await fake.command('ask', { question: 'What does China think?' }, member());
    expect(isEphemeral(r)).toBe(true);
    expect(embedOf(r).description).toMatch(/doesn't mention “China”/);
  });

  it('cannot be made to ping @everyone or render a member’s markdown, the first time or the next', async () => {
    // Escaped text is remembered between replies: the second reply must be as safe as the first.
    for (const user of [member(), member()]) {
      const r = await fake.command(
        'ask',
        { question: '@everyone **look** what does China think [x](https://evil.example)' },
        user,
      );
      expect(r.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
      const shown = JSON.stringify(r.body.data);
      expect(shown).not.toMatch(/@everyone/);
      expect(shown).not.toContain('**look**');
      expect(shown).not.toContain('](https://');
    }
  });

  it('refuses an over-long question even if Discord’s limit was bypassed', async () => {
    const r = await fake.command('ask', { question: 'why '.repeat(300) }, member());
    expect(isEphemeral(r)).toBe(true);
    expect(r.body.data.content).toMatch(/under 1000 characters/);
  });
});

describe('past capacity', () => {
  it('tells a member privately that it is busy, logs it, and answers again once there is room', async () => {
    // Every place taken, as when hundreds of interactions are being answered at once (after the
    // earlier tests' interactions have all released theirs, so none frees a place meanwhile).
    await vi.waitFor(() => expect(dispatcher.inFlight).toBe(0));
    const held = [];
    for (let a = dispatcher.admit(); a && held.length < 100_000; a = dispatcher.admit()) {
      if (a.busy) {
        a.release(); // past capacity: leave that place for the member's busy reply
        break;
      }
      held.push(a);
    }
    let released = false;
    try {
      const busy = await fake.command('ask', { question: 'who is leading the talks?' }, member());
      expect(isEphemeral(busy)).toBe(true);
      expect(busy.body.data.content).toMatch(/answering a lot of questions.*try again in 5 seconds/i);
      expect(busy.body.data.embeds ?? []).toEqual([]);
      const id = busy.path.split('/')[4];
      expect(logLines.find((l) => l.interaction === id)).toMatchObject({ command: 'ask', status: 'busy' });
      const choices = await fake.autocomplete('who', 'name', 'wit', member());
      expect(choices.body.data.choices).toEqual([]);
      held.forEach((a) => a.release());
      released = true;
      const r = await fake.command('ask', { question: 'who is leading the talks?' }, member());
      expect(embedOf(r).description).toMatch(/Witkoff/);
    } finally {
      if (!released) held.forEach((a) => a.release());
    }
  });
});

describe('did-you-mean buttons', () => {
  it('offers up to three, and clicking one (by anyone) answers it', async () => {
    const r = await fake.command('ask', { question: 'tell me about the delegation’s weapons' }, member());
    expect(isEphemeral(r)).toBe(false);
    const buttons = r.body.data.components[0].components;
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.length).toBeLessThanOrEqual(3);
    const click = await fake.click(buttons[0].custom_id, member());
    expect(click.body.type).toBe(4);
    expect(embedOf(click).fields[0].name).toMatch(/^Line \d+ · /);
  });
});

describe('buttons the bot does not recognise', () => {
  it.each(['pick::', 'other:thing', 'pick:zz:'])('answers “%s” privately: no longer valid', async (customId) => {
    const r = await fake.click(customId, member());
    expect(r.body.type).toBe(4);
    expect(isEphemeral(r)).toBe(true);
    expect(r.body.data.content).toMatch(/no longer valid/);
  });
});

describe('/who, /when and /source', () => {
  it('/who answers a person with the lines behind it', async () => {
    const r = await fake.command('who', { name: 'Zelenskyy' }, member());
    expect(embedOf(r).description).toMatch(/^Volodymyr Zelensky: Ukrainian President/);
  });

  it('/who autocompletes names and aliases, best first', async () => {
    const r = await fake.autocomplete('who', 'name', 'pesk', member());
    expect(r.body.type).toBe(8);
    expect(r.body.data.choices[0]).toEqual({ name: 'Dmitry Peskov (Kremlin spokesperson)', value: 'dmitry-peskov' });
    const all = await fake.autocomplete('who', 'name', '', member());
    expect(all.body.data.choices).toHaveLength(13);
  });

  it('/when answers with the report’s own precision, and picking an autocomplete answers exactly that', async () => {
    const choices = await fake.autocomplete('when', 'event', 'anchorage', member());
    const value = choices.body.data.choices[0].value;
    const r = await fake.command('when', { event: value }, member());
    expect(embedOf(r).description).toMatch(/^August: Trump and Putin met in Anchorage/);
  });

  it('/source returns the line verbatim with its number', async () => {
    const r = await fake.command('source', { line: '6' }, member());
    expect(embedOf(r).fields[0].name).toMatch(/^Line 6/);
    expect(embedOf(r).description).toMatch(/no new developments/);
  });

  it('/about tells the story and what the bot knows', async () => {
    const r = await fake.command('about', {}, member());
    expect(embedOf(r).description).toMatch(/ANI; relays CNN and Axios/);
    expect(embedOf(r).description).toMatch(/13 people/);
  });
});

describe('/refresh', () => {
  it('refuses a member without Manage Server or a moderator role, privately, changing nothing', async () => {
    const before = logLines.filter((l) => l.msg === 'knowledge refreshed').length;
    await fake.command('refresh', {}, member());
    const edit = await fake.waitFor((r) => r.method === 'PATCH' && /Only moderators/.test(JSON.stringify(r.body)));
    expect(edit.path).toMatch(new RegExp(`/webhooks/${APP_ID}/.+/messages/(@|%40)original$`));
    expect(logLines.filter((l) => l.msg === 'knowledge refreshed').length).toBe(before);
  });

  it('lets a moderator refresh and reports what changed', async () => {
    await scratch.edit(QA, (t) =>
      t.replace('answer: CNN said the effort marks', 'answer: According to CNN, the effort marks'),
    );
    const deferred = await fake.command('refresh', {}, { ...member(), permissions: MODERATOR_PERMISSIONS });
    expect(deferred.body).toMatchObject({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    const edit = await fake.waitFor(
      (r) => r.method === 'PATCH' && /Edited \(1\): significance/.test(JSON.stringify(r.body)),
    );
    expect(edit.body.embeds[0].title).toBe('Knowledge refreshed');
    const r = await fake.command('ask', { question: 'how significant is this' }, member());
    expect(embedOf(r).description).toMatch(/^According to CNN/);
    expect(logLines).toContainEqual(
      expect.objectContaining({
        msg: 'knowledge refreshed',
        diff: expect.objectContaining({ edited: ['significance'] }),
      }),
    );
  });

  it('accepts a configured moderator role', async () => {
    const deferred = await fake.command('refresh', {}, { ...member(), roles: [MOD_ROLE] });
    const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(tokenOf(deferred)));
    expect(edit.body.embeds[0].title).toBe('Knowledge refreshed: no changes');
  });

  it('keeps the old knowledge serving when an edit is broken, listing the problems', async () => {
    await scratch.edit(QA, (t) => t.replace('by: axios', 'by: nobody'));
    await fake.command('refresh', {}, { ...member(), permissions: MODERATOR_PERMISSIONS });
    const edit = await fake.waitFor((r) => r.method === 'PATCH' && /Refresh refused/.test(JSON.stringify(r.body)));
    expect(edit.body.embeds[0].description).toMatch(
      /qa\.yaml, entry "(peace-deal|framework|who-reported)", field sources\[\d\]\.by/,
    );
    const r = await fake.command('ask', { question: 'what is the 28 point plan' }, member());
    expect(embedOf(r).fields[0].name).toBe('Line 5 · Axios');
  });
});

describe('when things go wrong', () => {
  it('a handler that throws gets the member an ephemeral apology, logged with the error, and the bot keeps serving', async () => {
    const r = await fake.command('boom', {}, member());
    expect(r.body.data.content).toBe(APOLOGY);
    expect(isEphemeral(r)).toBe(true);
    expect(logLines).toContainEqual(
      expect.objectContaining({
        level: 50,
        msg: 'interaction handler failed',
        err: expect.objectContaining({ message: 'handler exploded' }),
      }),
    );
    const next = await fake.command('who', { name: 'Putin' }, member());
    expect(embedOf(next).description).toMatch(/^Vladimir Putin/);
  });

  it('a handler that throws after deferring apologises with a follow-up', async () => {
    const deferred = await fake.command('boom-deferred', {}, { ...member(), permissions: MODERATOR_PERMISSIONS });
    expect(deferred.body.type).toBe(5);
    const followUp = await fake.waitFor(
      (r) => r.method === 'POST' && new RegExp(`^/api/v10/webhooks/${APP_ID}/interaction-token-`).test(r.path),
    );
    expect(followUp.body).toMatchObject({
      content: APOLOGY,
      flags: MessageFlags.Ephemeral,
      allowed_mentions: { parse: [] },
    });
  });

  it('a did-you-mean button stops answering after an hour, and says so', async () => {
    const anHourAgo = Math.floor((Date.now() - 61 * 60_000) / 1000).toString(36);
    const r = await fake.click(`pick:${anHourAgo}:talks-leader`, member());
    expect(isEphemeral(r)).toBe(true);
    expect(r.body.data.content).toMatch(/expired/);
  });

  it('a 10062 “Unknown interaction” is a warning, not a crash', async () => {
    await fake.command('ask', { question: 'who is leading the talks' }, { ...member(), expire: true });
    await expect.poll(() => logLines.some((l) => l.level === 40 && l.code === 10062)).toBe(true);
    const next = await fake.command('ask', { question: 'who is leading the talks' }, member());
    expect(embedOf(next).description).toMatch(/Steve Witkoff/);
  });

  it('a member asking too fast is told to wait, privately', async () => {
    const who = member();
    for (let i = 0; i < 5; i++) await fake.command('who', { name: 'Vance' }, who);
    const r = await fake.command('who', { name: 'Vance' }, who);
    expect(isEphemeral(r)).toBe(true);
    expect(r.body.data.content).toMatch(/asking quickly/);
  });
});

describe('the log', () => {
  it('has one structured line per interaction, with its latency', async () => {
    const who = member();
    await fake.command('who', { name: 'Peskov' }, who);
    await fake.autocomplete('who', 'name', 'pesk', who);
    await fake.command('no-such-command', {}, who);
    const lines = logLines.filter((l) => l.msg === 'interaction' && l.user === who.user.id);
    expect(lines.map((l) => [l.type, l.command, l.status])).toEqual([
      ['command', 'who', 'answered'],
      ['autocomplete', 'who', 'choices'],
      ['command', 'no-such-command', 'unknown_command'],
    ]);
    for (const l of lines) {
      expect(l).toMatchObject({ source: 'discord', interaction: expect.any(String), guild: GUILD_ID });
      expect(l.ms).toBeGreaterThanOrEqual(0);
    }
    expect(lines[0].entry).toBe('dmitry-peskov');
  });

  it('never contains the token', () => {
    expect(JSON.stringify(logLines)).not.toContain(TOKEN);
  });
});

describe('npm start with a token', () => {
  it('logs in, and on SIGTERM destroys the client and exits 0 within a few seconds', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'info', KNOWLEDGE_DIR: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    await expect
      .poll(() => output.includes('logged in and ready'), { timeout: 15_000 })
      .toBe(true)
      .catch((e) => {
        throw new Error(output + e);
      });
    const started = Date.now();
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(output).not.toContain(TOKEN);
  });
});

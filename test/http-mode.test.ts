import { REST } from '@discordjs/rest';
import { MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { readConfig } from '../src/config.js';
import type { Command } from '../src/dispatch/command.js';
import { Dispatcher } from '../src/dispatch/dispatcher.js';
import type { Reply } from '../src/dispatch/reply.js';
import { httpInteractions } from '../src/http/interactions.js';
import { logRequests } from '../src/dispatch/log-requests.js';
import { startService, type Service } from '../src/http/service.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { createLogger } from '../src/logger.js';
import { APP_ID, FakeDiscord, MOD_ROLE_ID, MODERATOR_PERMISSIONS } from '../src/testing/fake-discord.js';
import { DiscordSigner, payloads, postInteraction, type Posted } from './helpers/discord-http.js';
import { copyKnowledge, QA } from './helpers/knowledge.js';

/**
 * HTTP interactions mode end to end: Discord's side signs each request with a generated key pair
 * and POSTs it to the bot's real HTTP server; deferred replies arrive as edits at a fake Discord's REST.
 */
let fake: FakeDiscord;
let service: Service;
let scratch: Awaited<ReturnType<typeof copyKnowledge>>;
let store: KnowledgeStore;
const signer = new DiscordSigner();
const logLines: any[] = [];
let users = 0;
const member = () => ({ user: { id: String(900000000000600000n + BigInt(++users)) } });
const moderator = () => ({ ...member(), permissions: MODERATOR_PERMISSIONS });

beforeAll(async () => {
  fake = await FakeDiscord.start();
  scratch = await copyKnowledge();
  const config = readConfig(
    {
      DISCORD_PUBLIC_KEY: signer.publicKeyHex,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      DISCORD_API_URL: fake.apiUrl,
      MOD_ROLE_IDS: MOD_ROLE_ID,
    },
    { dotenv: false },
  );
  const log = createLogger({
    level: 'info',
    destination: { write: (line: string) => void logLines.push(JSON.parse(line)) },
  });
  store = await KnowledgeStore.open(scratch.dir);
  const dispatcher = new Dispatcher({ store, commands });
  dispatcher.onEvent(logRequests(log));
  service = await startService({
    http: config.http!,
    store,
    dispatcher,
    log,
    modRoleIds: config.modRoleIds,
    mode: 'http',
    databaseUrl: null,
  });
});

afterAll(async () => {
  await service?.close();
  await fake?.stop();
  await scratch?.remove();
});

const url = (path = '/interactions') => `http://127.0.0.1:${service.server.port}${path}`;
const send = (payload: object) => postInteraction(url(), signer, payload);
const embedOf = (r: Posted) => r.body.data.embeds[0];
const isEphemeral = (r: Posted) => ((r.body.data?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
const interactionLines = () => logLines.filter((l) => l.msg === 'interaction').length;

describe('Discord checking the endpoint', () => {
  it('answers a signed PING with PONG', async () => {
    expect(await send(payloads.ping())).toEqual({ status: 200, body: { type: 1 } });
  });

  it('refuses a request signed with another key with 401, and runs nothing', async () => {
    const before = interactionLines();
    const impostor = new DiscordSigner();
    const r = await postInteraction(url(), impostor, payloads.command('ask', { question: 'who leads the talks' }));
    expect(r.status).toBe(401);
    expect(interactionLines()).toBe(before);
  });
});

describe('/ask over HTTP', () => {
  it('answers in the HTTP response, publicly, with the quoted line and its attribution, pinging nobody', async () => {
    const r = await send(payloads.command('ask', { question: 'who is leading the talks?' }, member()));
    expect(r.status).toBe(200);
    expect(r.body.type).toBe(4);
    expect(isEphemeral(r)).toBe(false);
    expect(r.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(embedOf(r).description).toMatch(/Steve Witkoff/);
    expect(embedOf(r).fields[0]).toMatchObject({ name: 'Line 2 · CNN', value: expect.stringMatching(/^> Steve/) });
  });

  it('says privately what the report does not cover', async () => {
    const r = await send(payloads.command('ask', { question: 'What does China think?' }, member()));
    expect(isEphemeral(r)).toBe(true);
    expect(embedOf(r).description).toMatch(/doesn't mention “China”/);
  });

  it('logs one line per interaction with its latency, and counts it in the metrics', async () => {
    await send(payloads.command('ask', { question: 'who is leading the talks?' }, member()));
    expect(logLines).toContainEqual(
      expect.objectContaining({ msg: 'interaction', source: 'http', command: 'ask', status: 'answered' }),
    );
    const text = await (await fetch(url('/metrics'))).text();
    expect(text).toMatch(/storybot_interactions_total\{kind="command",command="ask",status="answered"\} [1-9]/);
    expect(text).toMatch(/storybot_interaction_duration_seconds_count\{kind="command"\} [1-9]/);
  });
});

describe('the “Ask storybot” message command over HTTP', () => {
  it('answers the target message’s text publicly, naming who asked for it, pinging nobody', async () => {
    const asker = member();
    const r = await send(
      payloads.messageCommand('Ask storybot', 'when did Driscoll arrive?', '900000000000000011', asker),
    );
    expect(r.body.type).toBe(4);
    expect(isEphemeral(r)).toBe(false);
    expect(r.body.data.content).toBe(`Asked by <@${asker.user.id}> about <@900000000000000011>'s message.`);
    expect(r.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(embedOf(r).description).toMatch(/^Wednesday/);
    expect(logLines).toContainEqual(
      expect.objectContaining({ source: 'http', command: 'ask', via: 'message-command' }),
    );
  });

  it('declines privately, and says so for a message without text', async () => {
    const declined = await send(payloads.messageCommand('Ask storybot', 'What does China think?', '1', member()));
    expect(isEphemeral(declined)).toBe(true);
    const empty = await send(payloads.messageCommand('Ask storybot', '', '1', member()));
    expect(isEphemeral(empty)).toBe(true);
    expect(empty.body.data.content).toMatch(/no text to ask about/);
  });
});

describe('did-you-mean buttons over HTTP', () => {
  it('offers buttons, and clicking one answers that entry', async () => {
    const r = await send(payloads.command('ask', { question: 'tell me about the delegation’s weapons' }, member()));
    const buttons = r.body.data.components[0].components;
    expect(buttons.length).toBeGreaterThan(0);
    const click = await send(payloads.click(buttons[0].custom_id, member()));
    expect(click.body.type).toBe(4);
    expect(embedOf(click).fields[0].name).toMatch(/^Line \d+ · /);
  });

  it('says a button it does not know is no longer valid, privately', async () => {
    const click = await send(payloads.click('something-else', member()));
    expect(isEphemeral(click)).toBe(true);
    expect(click.body.data.content).toMatch(/no longer valid/);
  });
});

describe('/who with autocomplete over HTTP', () => {
  it('autocompletes names, and the picked value answers that person', async () => {
    const choices = await send(payloads.autocomplete('who', 'name', 'pesk', member()));
    expect(choices.body.type).toBe(8);
    expect(choices.body.data.choices[0]).toEqual({
      name: 'Dmitry Peskov (Kremlin spokesperson)',
      value: 'dmitry-peskov',
    });
    const r = await send(payloads.command('who', { name: choices.body.data.choices[0].value }, member()));
    expect(embedOf(r).description).toMatch(/^Dmitry Peskov/);
  });
});

describe('/refresh over HTTP', () => {
  it('refuses a member who is not a moderator, privately, changing nothing', async () => {
    const r = await send(payloads.command('refresh', {}, member()));
    expect(r.body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    const edit = await fake.waitFor((q) => q.method === 'PATCH' && /Only moderators/.test(JSON.stringify(q.body)));
    expect(edit.path).toMatch(new RegExp(`/webhooks/${APP_ID}/.+/messages/(@|%40)original$`));
    expect(edit.auth).toBeUndefined();
    expect(logLines.filter((l) => l.msg === 'knowledge refreshed')).toHaveLength(0);
  });

  it('lets a moderator refresh: deferred privately, then the report of what changed as an edit', async () => {
    await scratch.edit(QA, (t) =>
      t.replace('answer: CNN said the effort marks', 'answer: According to CNN, the effort marks'),
    );
    const r = await send(payloads.command('refresh', {}, moderator()));
    expect(r.body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    const edit = await fake.waitFor(
      (q) => q.method === 'PATCH' && /Edited \(1\): significance/.test(JSON.stringify(q.body)),
    );
    expect(edit.body.embeds[0].title).toBe('Knowledge refreshed');
    const after = await send(payloads.command('ask', { question: 'how significant is this' }, member()));
    expect(embedOf(after).description).toMatch(/^According to CNN/);
    const metrics = await (await fetch(url('/metrics'))).text();
    expect(metrics).toMatch(/storybot_knowledge_refreshes_total\{outcome="ok"\} 1/);
  });
});

describe('health', () => {
  it('is 200 with the knowledge version and entries served', async () => {
    const res = await fetch(url('/healthz'));
    expect(res.status).toBe(200);
    const body: any = await res.json();
    expect(body).toMatchObject({ ok: true, mode: 'http', database: 'not configured' });
    expect(body.knowledge.version).toMatch(/^[0-9a-f]{12}$/);
    expect(body.knowledge.entries).toBeGreaterThan(40);
  });
});

describe('a reply slower than Discord’s 3 seconds', () => {
  const slow = (name: string, reply: Reply): Command => ({
    name,
    description: 'answers late',
    options: [],
    access: 'everyone',
    defer: false,
    cooldown: 'none',
    run: async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return reply;
    },
  });
  const handlerWith = (command: Command) =>
    httpInteractions({
      dispatcher: new Dispatcher({ store, commands: [command] }),
      log: createLogger({ level: 'silent' }),
      modRoleIds: [],
      rest: new REST({ api: fake.apiUrl, version: '10' }),
      deferAfterMs: 50,
    });

  it('is deferred in the HTTP response, then sent as an edit of the deferred message', async () => {
    const handle = handlerWith(
      slow('slow', { type: 'info', title: 'Late', lines: ['arrived late'], ephemeral: false }),
    );
    const handled = await handle(payloads.command('slow', {}, member()) as any);
    expect(handled.response).toEqual({ type: 5 });
    await handled.after!();
    const edit = await fake.waitFor((q) => q.method === 'PATCH' && /arrived late/.test(JSON.stringify(q.body)));
    expect(edit.body.embeds[0].title).toBe('Late');
  });

  it('a late private reply becomes a private follow-up, and the public placeholder is removed', async () => {
    const handle = handlerWith(slow('slow-private', { type: 'notice', reason: 'refused', text: 'kept private' }));
    const payload = payloads.command('slow-private', {}, member());
    const handled = await handle(payload as any);
    await handled.after!();
    const followUp = await fake.waitFor((q) => q.method === 'POST' && /kept private/.test(JSON.stringify(q.body)));
    expect(followUp.path).toBe(`/api/v10/webhooks/${APP_ID}/${payload.token}`);
    expect(followUp.body.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    await fake.waitFor((q) => q.method === 'DELETE' && q.path.includes(payload.token));
  });
});

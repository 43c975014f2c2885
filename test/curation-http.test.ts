import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, QUESTION_OPTIONS } from '../commands/index.js';
import { readConfig } from '../src/config.js';
import { logQuestionsOf } from '../src/curation/question-listener.js';
import { openCuration, type Curation } from '../src/curation/services.js';
import { Dispatcher } from '../src/dispatch/dispatcher.js';
import { startService, type Service } from '../src/http/service.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { createLogger } from '../src/logger.js';
import { APP_ID, FakeDiscord, MODERATOR_PERMISSIONS } from '../src/testing/fake-discord.js';
import { DiscordSigner, payloads, postInteraction, type Posted } from './helpers/discord-http.js';
import { testDatabases } from './helpers/databases.js';
import { copyKnowledge, QA } from './helpers/knowledge.js';

/** The curator's loop in HTTP interactions mode: the same buttons and commands, answered over HTTP and REST. */
const [sqlite] = testDatabases();
let fake: FakeDiscord;
let service: Service;
let curation: Curation;
let files: Server;
let scratch: Awaited<ReturnType<typeof copyKnowledge>>;
let state: Awaited<ReturnType<NonNullable<typeof sqlite>['options']>>;
const served = new Map<string, string>();
const signer = new DiscordSigner();
let users = 0;
const member = () => ({ user: { id: String(900000000000650000n + BigInt(++users)) } });
const MOD = { user: { id: '900000000000659999', username: 'http-mod' }, permissions: MODERATOR_PERMISSIONS };

beforeAll(async () => {
  fake = await FakeDiscord.start();
  scratch = await copyKnowledge();
  state = await sqlite!.options();
  // Discord's CDN, for attached files.
  files = createServer((req, res) => {
    const text = served.get(req.url ?? '');
    res.writeHead(text === undefined ? 404 : 200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(text ?? '');
  });
  files.listen(0, '127.0.0.1');
  await once(files, 'listening');
  const config = readConfig(
    { DISCORD_PUBLIC_KEY: signer.publicKeyHex, HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', DISCORD_API_URL: fake.apiUrl },
    { dotenv: false },
  );
  const store = await KnowledgeStore.open(scratch.dir);
  curation = await openCuration({ ...state, questionLogDays: 90, hashSalt: null }, store);
  const dispatcher = new Dispatcher({ store, commands, curation });
  dispatcher.onEvent(logQuestionsOf(curation.questions, store, QUESTION_OPTIONS));
  service = await startService({
    http: config.http!,
    store,
    dispatcher,
    log: createLogger({ level: 'silent' }),
    modRoleIds: [],
    mode: 'http',
    databaseUrl: null,
  });
});

afterAll(async () => {
  await service?.close();
  await curation?.close();
  await fake?.stop();
  files?.close();
  await scratch?.remove();
  await state?.cleanup();
});

const send = (payload: object) =>
  postInteraction(`http://127.0.0.1:${service.server.port}/interactions`, signer, payload);
const isEphemeral = (r: Posted) => ((r.body.data?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
/** The edit or follow-up a deferred interaction got over REST. */
const edited = async (payload: { token: string }) =>
  (await fake.waitFor((r) => r.path.startsWith(`/api/v10/webhooks/${APP_ID}/${payload.token}`), 10_000)).body;

/** A command with a file attached, as Discord POSTs it: the option holds the attachment's id. */
function withFile(name: string, options: Record<string, string>, file: { filename: string; text: string }) {
  const payload = payloads.command(name, options, MOD) as any;
  const id = String(900000000000660000n + BigInt(served.size));
  const at = `/${id}/${file.filename}`;
  served.set(at, file.text);
  payload.data.options.push({ name: 'file', type: 11, value: id });
  payload.data.resolved = {
    attachments: {
      [id]: {
        id,
        filename: file.filename,
        size: Buffer.byteLength(file.text),
        url: `http://127.0.0.1:${(files.address() as AddressInfo).port}${at}`,
        proxy_url: '',
        content_type: 'application/x-yaml',
      },
    },
  };
  return payload;
}

describe('the curator’s loop over HTTP interactions', () => {
  it('puts feedback buttons under a public answer; a vote is acknowledged privately', async () => {
    const r = await send(payloads.command('ask', { question: 'who is leading the talks?' }, member()));
    const buttons = r.body.data.components.at(-1).components;
    expect(buttons.map((b: any) => b.label)).toEqual(['Helpful', 'Not helpful']);
    const vote = await send(payloads.click(buttons[1].custom_id, member()));
    expect(isEphemeral(vote)).toBe(true);
    expect(JSON.stringify(vote.body)).toContain('noted as not helpful');
  });

  it('lists what was asked in vain, deferred privately, then as an edit', async () => {
    for (let i = 0; i < 2; i++)
      await send(payloads.command('ask', { question: 'how far along is the plan' }, member()));
    const payload = payloads.command('unanswered', { days: '7' }, MOD);
    const r = await send(payload);
    expect(r.body.type).toBe(5);
    expect(isEphemeral(r)).toBe(true);
    const body = await edited(payload);
    expect(body.embeds[0].description).toMatch(/“how far along is the plan” — 2 times by 2 members/);
    expect(body.embeds[0].description).toMatch(/Who is leading the talks\? \(talks-leader\): 1 not helpful/);
  });

  it('imports an attached file after Apply, and exports files as attachments', async () => {
    const file = path.join(scratch.dir, QA);
    const before = await readFile(file, 'utf8');
    const text = before.replace(
      '  question: Are the talks secret?\n',
      '  question: Are the talks secret?\n# reviewed\n',
    );
    const payload = withFile('knowledge', { action: 'import' }, { filename: 'qa.yaml', text });
    expect((await send(payload)).body.type).toBe(5);
    const preview = await edited(payload);
    expect(preview.embeds[0].title).toBe('Import stories/ukraine-peace-push/qa.yaml?');
    expect(await readFile(file, 'utf8')).toBe(before);
    const click = payloads.click(preview.components[0].components[0].custom_id, MOD);
    // The outcome takes the preview's place, and its buttons go.
    expect((await send(click)).body).toEqual({ type: 6 });
    const outcome = await edited(click);
    expect(outcome.embeds[0].title).toMatch(/^Imported and swapped in/);
    expect(outcome.components).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(text);

    const exported = payloads.command('knowledge', { action: 'export' }, MOD);
    await send(exported);
    const sent = await edited(exported);
    expect(typeof sent === 'string' ? sent : JSON.stringify(sent)).toContain('filename="qa.yaml"');
  });
});

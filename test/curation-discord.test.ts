import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, QUESTION_OPTIONS } from '../commands/index.js';
import { readConfig } from '../src/config.js';
import { logQuestionsOf } from '../src/curation/question-listener.js';
import { openCuration, type Curation } from '../src/curation/services.js';
import { createBot, type Bot } from '../src/discord/bot.js';
import { Dispatcher } from '../src/dispatch/dispatcher.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { createLogger } from '../src/logger.js';
import {
  APP_ID,
  FakeDiscord,
  GUILD_ID,
  MODERATOR_PERMISSIONS,
  TOKEN,
  type InteractionOptions,
  type Recorded,
} from '../src/testing/fake-discord.js';
import { testDatabases } from './helpers/databases.js';
import { copyKnowledge, QA } from './helpers/knowledge.js';

/** Not in the knowledge as shipped: declined or unsure, until a moderator teaches it. */
const QUESTION = 'how far along is the plan';
const EPHEMERAL = 64;

let users = 0;
const member = (): InteractionOptions => ({ user: { id: String(900000000000800000n + BigInt(++users)) } });
const MOD: InteractionOptions = {
  user: { id: '900000000000899999', username: 'chief-mod' },
  permissions: MODERATOR_PERMISSIONS,
};

describe.each(testDatabases())('the curator’s loop through Discord ($name)', (db) => {
  let fake: FakeDiscord;
  let scratch: Awaited<ReturnType<typeof copyKnowledge>>;
  let state: Awaited<ReturnType<typeof db.options>>;
  let running: { bot: Bot; curation: Curation; store: KnowledgeStore };

  /** The bot as `npm start` runs it on the gateway: knowledge, state, question log, client. */
  async function start() {
    const config = readConfig(
      { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP_ID, DISCORD_GUILD_ID: GUILD_ID, DISCORD_API_URL: fake.apiUrl },
      { dotenv: false },
    );
    const store = await KnowledgeStore.open(scratch.dir);
    const curation = await openCuration(
      { dataDir: state.dataDir, databaseUrl: state.databaseUrl, questionLogDays: 90, hashSalt: null },
      store,
    );
    const dispatcher = new Dispatcher({ store, commands, curation });
    dispatcher.onEvent(logQuestionsOf(curation.questions, store, QUESTION_OPTIONS));
    const bot = await createBot({
      config,
      discord: config.discord!,
      dispatcher,
      log: createLogger({ level: 'silent' }),
    });
    return { bot, curation, store };
  }

  async function stop() {
    await running.bot.stop();
    await running.curation.close();
  }

  /** What the member finally sees: the response itself, or after a deferral the edit (or follow-up) sent to it. */
  async function final(callback: Recorded): Promise<any> {
    if (callback.body.type !== 5 && callback.body.type !== 6) return callback.body.data;
    const token = callback.path.split('/')[5]!;
    const edit = await fake.waitFor((r) => r.path.startsWith(`/api/v10/webhooks/${APP_ID}/${token}`), 10_000);
    return edit.body;
  }
  const text = (body: any) => (typeof body === 'string' ? body : JSON.stringify(body));
  const qaFile = () => readFile(path.join(scratch.dir, QA), 'utf8');
  const unanswered = async () => text(await final(await fake.command('unanswered', {}, MOD)));

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    scratch = await copyKnowledge();
    state = await db.options();
    running = await start();
  });

  afterAll(async () => {
    await stop();
    await fake?.stop();
    await scratch?.remove();
    await state?.cleanup();
  });

  it('lists a question three members asked in vain once, with its count, and the closest entries', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await fake.command('ask', { question: QUESTION }, member());
      expect(text(r.body)).not.toMatch(/Line \d+ · /);
    }
    const r = await fake.command('unanswered', { days: '7' }, MOD);
    // Private from the start: deferred ephemerally.
    expect(r.body).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    const body = await final(r);
    expect(body.embeds[0].title).toBe('Unanswered questions');
    const listed = body.embeds[0].description as string;
    expect(listed.match(/how far along is the plan/g)).toHaveLength(1);
    expect(listed).toMatch(/“how far along is the plan” — 3 times by 3 members, last just now/);
    expect(listed).toMatch(/closest: /);
  });

  it('refuses /teach, /unanswered and /knowledge import privately to a member who is not a moderator', async () => {
    const before = await qaFile();
    for (const [name, options] of [
      ['teach', { question: QUESTION, entry: 'talks-progress' }],
      ['unanswered', {}],
      ['knowledge', { action: 'import' }],
    ] as const) {
      const r = await fake.command(name, options, member());
      expect(r.body.data?.flags).toBe(EPHEMERAL);
      expect(text(await final(r))).toContain(`Only moderators can use /${name}.`);
    }
    expect(await qaFile()).toBe(before);
  });

  it('offers entries for /teach by their question or by a person’s name', async () => {
    const byQuestion = await fake.autocomplete('teach', 'entry', 'negotiations progress', MOD);
    expect(byQuestion.body.data.choices[0]).toEqual({
      name: 'Are the negotiations making progress? (talks-progress)',
      value: 'talks-progress',
    });
    const byName = await fake.autocomplete('teach', 'entry', 'Driscoll', MOD);
    expect(byName.body.data.choices.map((c: any) => c.value)).toContain('driscoll-visit');
  });

  it('teaches the question to an entry, which then answers it with that entry’s quote', async () => {
    const quote = running.store.current.knowledge.entries.find((e) => e.id === 'talks-progress')!.sources[0]!.quote;
    const body = await final(await fake.command('teach', { question: QUESTION, entry: 'talks-progress' }, MOD));
    expect(body.embeds[0].title).toBe('Taught');
    expect(body.embeds[0].description).toContain(quote.slice(0, 40));
    expect(await qaFile()).toContain(`    - ${QUESTION}\n`);
    const r = await fake.command('ask', { question: QUESTION }, member());
    expect(r.body.data.embeds[0].fields[0].value).toContain(quote.slice(0, 40));
  });

  it('carries Helpful and Not helpful buttons on a public answer; a vote is private, one per member, and shows under /unanswered', async () => {
    const r = await fake.command('ask', { question: 'who is leading the talks?' }, member());
    const buttons = r.body.data.components.at(-1).components;
    expect(buttons.map((b: any) => b.label)).toEqual(['Helpful', 'Not helpful']);
    const voter = member();
    const first = await fake.click(buttons[1].custom_id, voter);
    expect(first.body.data).toMatchObject({ flags: EPHEMERAL });
    expect(text(first.body)).toContain('noted as not helpful');
    const again = await fake.click(buttons[0].custom_id, voter);
    expect(text(again.body)).toContain('Changed your vote to helpful');
    await fake.click(buttons[1].custom_id, member());
    expect(await unanswered()).toMatch(/Who is leading the talks\? \(talks-leader\): 1 not helpful, 1 helpful/);
  });

  it('after a restart, still answers the taught question, and /unanswered still shows what was asked', async () => {
    await stop();
    running = await start();
    const quote = running.store.current.knowledge.entries.find((e) => e.id === 'talks-progress')!.sources[0]!.quote;
    const r = await fake.command('ask', { question: QUESTION }, member());
    expect(r.body.data.embeds[0].fields[0].value).toContain(quote.slice(0, 40));
    const listed = await unanswered();
    expect(listed).toMatch(/how far along is the plan” — 3 times by 3 members/);
    expect(listed).toMatch(/now answered by talks-progress/);
  });

  it('exports the story’s files privately, as attachments', async () => {
    const r = await fake.command('knowledge', { action: 'export' }, MOD);
    expect(r.body.data.flags).toBe(EPHEMERAL);
    const sent = text(await final(r));
    for (const name of ['qa.yaml', 'people.yaml', 'story.yaml']) expect(sent).toContain(`filename="${name}"`);
  });

  it('refuses a broken import with the reason, and an unknown file by name; neither changes anything', async () => {
    const before = await qaFile();
    const broken = before.replace(/quote: The Trump administration/, 'quote: The Biden administration');
    expect(broken).not.toBe(before);
    const r = await fake.command(
      'knowledge',
      { action: 'import' },
      { ...MOD, attachments: { file: { filename: 'qa.yaml', text: broken } } },
    );
    const body = text(await final(r));
    expect(body).toContain('Import refused: nothing changed');
    expect(body).not.toContain('kn:apply');
    const unknown = await fake.command(
      'knowledge',
      { action: 'import' },
      { ...MOD, attachments: { file: { filename: 'notes.txt', text: 'hello' } } },
    );
    expect(text(await final(unknown))).toMatch(/notes\.txt is not a knowledge file/);
    const oversized = await fake.command(
      'knowledge',
      { action: 'import' },
      { ...MOD, attachments: { file: { filename: 'qa.yaml', text: `# ${'x'.repeat(1100 * 1024)}\n${before}` } } },
    );
    expect(text(await final(oversized))).toMatch(/qa\.yaml is 11\d\d KiB, over the limit of 1024 KiB/);
    expect(await qaFile()).toBe(before);
  });

  it('applies a good import only after Apply, and /knowledge undo restores the previous file', async () => {
    const before = await qaFile();
    const edited = before.replace(
      '  question: Are the talks secret?\n',
      '  question: Are the talks secret?\n# checked by the desk\n',
    );
    expect(edited).not.toBe(before);
    const preview = await final(
      await fake.command(
        'knowledge',
        { action: 'import' },
        { ...MOD, attachments: { file: { filename: 'qa.yaml', text: edited } } },
      ),
    );
    expect(preview.embeds[0].title).toBe('Import stories/ukraine-peace-push/qa.yaml?');
    const [apply, cancel] = preview.components[0].components;
    expect([apply.label, cancel.label]).toEqual(['Apply', 'Cancel']);
    expect(await qaFile()).toBe(before);
    // Only a moderator may apply it.
    const refused = await fake.click(apply.custom_id, member());
    expect(text(await final(refused))).toContain('Only moderators');
    expect(await qaFile()).toBe(before);
    const pressed = await fake.click(apply.custom_id, MOD);
    // The outcome takes the preview's place, and its buttons go.
    expect(pressed.body.type).toBe(6);
    const applied = await final(pressed);
    expect(applied.embeds[0].title).toMatch(/^Imported and swapped in \(change #\d+\)/);
    expect(applied.components).toEqual([]);
    expect(await qaFile()).toBe(edited);
    // Applied once: the same button does nothing more.
    expect(text(await final(await fake.click(apply.custom_id, MOD)))).toContain('nothing changed');

    const history = text(await final(await fake.command('knowledge', { action: 'history' }, MOD)));
    expect(history).toMatch(/chief-mod · import stories\/ukraine-peace-push\/qa\.yaml/);
    expect(history).toMatch(/chief-mod · teach stories\/ukraine-peace-push\/qa\.yaml: talks-progress/);

    const undone = await final(await fake.command('knowledge', { action: 'undo' }, MOD));
    expect(undone.embeds[0].title).toMatch(/^Undone: change #\d+/);
    expect(await qaFile()).toBe(before);
  });
});

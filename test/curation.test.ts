import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer } from '../src/engine/answer.js';
import { Curator } from '../src/curation/curator.js';
import { describeTeach } from '../src/curation/describe.js';
import { addPhrasing } from '../src/curation/phrasing.js';
import { formatUnanswered, unansweredReport } from '../src/curation/unanswered.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { QuestionLog } from '../src/storage/question-log.js';
import { Storage } from '../src/storage/storage.js';
import { testDatabases } from './helpers/databases.js';
import { copyKnowledge, QA, STORY_DIR } from './helpers/knowledge.js';

const MOD = { id: '500000000000000001', name: 'mod' };
const QUESTION = 'how far along is the plan';

describe('adding a phrasing to a knowledge file', () => {
  it('keeps every comment and line of the file, and adds one line', async () => {
    const before = await readFile(path.join(STORY_DIR, 'qa.yaml'), 'utf8');
    const edited = addPhrasing(before, 'talks-progress', QUESTION);
    expect(edited.ok).toBe(true);
    const after = (edited as { text: string }).text;
    const added = after.split('\n').filter((l) => !before.split('\n').includes(l));
    expect(added).toEqual([`    - ${QUESTION}`]);
    expect(after.split('\n')).toHaveLength(before.split('\n').length + 1);
  });

  it('says so when the entry is not in the file', () => {
    expect(addPhrasing('- id: a\n  question: q\n', 'b', 'x')).toEqual({
      ok: false,
      message: 'no entry "b" in the file',
    });
  });
});

describe.each(testDatabases().map((d) => [d.name, d] as const))('curating from chat, on %s', (_name, database) => {
  let storage: Storage;
  let store: KnowledgeStore;
  let curator: Curator;
  let knowledge: Awaited<ReturnType<typeof copyKnowledge>>;
  let cleanup: () => Promise<void>;
  let dataDir: string;

  beforeEach(async () => {
    const options = await database.options();
    cleanup = options.cleanup;
    dataDir = options.dataDir;
    storage = await Storage.open(options);
    knowledge = await copyKnowledge();
    store = await KnowledgeStore.open(knowledge.dir);
    curator = new Curator(store, storage, dataDir);
  });
  afterEach(async () => {
    await storage.close();
    await knowledge.remove();
    await cleanup();
  });

  const qaText = () => readFile(path.join(knowledge.dir, QA), 'utf8');

  it('teaches a question the bot was unsure of, which then answers with the entry and its quote', async () => {
    expect(answer(store.current, { lookup: 'ask', text: QUESTION }).status).not.toBe('answered');
    const outcome = await curator.teach(QUESTION, 'talks-progress', MOD);
    expect(outcome).toMatchObject({ ok: true, diff: { edited: ['talks-progress'] } });
    const now = answer(store.current, { lookup: 'ask', text: QUESTION });
    expect(now).toMatchObject({ status: 'answered', entry: 'talks-progress' });
    expect(now.sources[0]!.quote).toContain('negotiations accelerated this week');
    expect(await qaText()).toContain(`    - ${QUESTION}\n`);
    const [change] = await storage.changes(1);
    expect(change).toMatchObject({ kind: 'teach', actorId: MOD.id, entries: ['talks-progress'], file: QA });
  });

  it('says so when the taught entry is cited as evidence for a yes/no question it does not settle', async () => {
    const question = 'did the pentagon people go to kyiv';
    const outcome = await curator.teach(question, 'driscoll-visit', MOD);
    expect(outcome).toMatchObject({ ok: true, reply: 'cited' });
    const { title } = describeTeach(question, outcome);
    expect(title).not.toMatch(/another answer/);
    expect(title).toMatch(/cites the entry/);
    expect(answer(store.current, { lookup: 'ask', text: question })).toMatchObject({ entry: 'driscoll-visit' });
  });

  it('changes nothing when the entry already answers the question', async () => {
    const before = await qaText();
    expect(await curator.teach('who is leading the talks', 'talks-leader', MOD)).toMatchObject({ ok: 'unchanged' });
    expect(await qaText()).toBe(before);
  });

  it('refuses a phrasing that another entry already has, and changes nothing', async () => {
    const before = await qaText();
    const outcome = await curator.teach('what happened', 'secrecy', MOD);
    expect(outcome).toMatchObject({ ok: false });
    expect(JSON.stringify(outcome)).toContain('also a phrasing of');
    expect(await qaText()).toBe(before);
    expect(await storage.changes(5)).toEqual([]);
  });

  it('refuses an import that does not load, changing nothing', async () => {
    const before = await qaText();
    const broken = before.replace(
      'quote: The Trump administration has launched',
      'quote: The Biden administration has launched',
    );
    const preview = await curator.previewImport('qa.yaml', Buffer.from(broken), null);
    expect(preview).toMatchObject({ ok: false, reason: 'The knowledge would not load; nothing changed.' });
    expect(JSON.stringify(preview)).toContain('overview');
    expect(await qaText()).toBe(before);
  });

  it('refuses an unknown or oversized file with a reason', async () => {
    expect(await curator.previewImport('../../.env', Buffer.from('x'), null)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('is not a knowledge file'),
    });
    expect(await curator.previewImport('qa.yaml', Buffer.alloc(2 * 1024 * 1024, 32), null)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('over the limit'),
    });
  });

  it('applies an import only on Apply, and undo restores the previous file', async () => {
    const before = await qaText();
    const edited = before.replace('question: Are the talks secret?', 'question: Are the talks being kept secret?');
    const preview = await curator.previewImport('qa.yaml', Buffer.from(edited), null);
    expect(preview).toMatchObject({ ok: true, diff: { edited: ['secrecy'], added: [], removed: [] } });
    expect(await qaText()).toBe(before);
    const token = (preview as { token: string }).token;
    expect(await curator.applyImport(token, MOD)).toMatchObject({ ok: true });
    expect(await qaText()).toBe(edited);
    expect(store.current.knowledge.entries.find((e) => e.id === 'secrecy')!.title).toBe(
      'Are the talks being kept secret?',
    );
    expect(await curator.applyImport(token, MOD)).toMatchObject({ ok: false });

    expect(await curator.undo(MOD)).toMatchObject({ ok: true, undone: { kind: 'import' } });
    expect(await qaText()).toBe(before);
    expect(store.current.knowledge.entries.find((e) => e.id === 'secrecy')!.title).toBe('Are the talks secret?');
    expect(await curator.undo(MOD)).toMatchObject({
      ok: false,
      reason: 'There is no change made from Discord to undo.',
    });
    // The file as it was before each change is kept under DATA_DIR.
    expect((await readdir(path.join(dataDir, 'history'))).length).toBe(2);
  });

  it('lists a question asked three times once, with the engine’s suggestions, and the answers voted down', async () => {
    const log = new QuestionLog(storage, { salt: 'salt-salt-salt-salt-salt', retentionDays: 90 });
    for (const user of ['1', '2', '3']) {
      const a = answer(store.current, { lookup: 'ask', text: QUESTION });
      log.record({
        text: QUESTION,
        command: 'ask',
        story: null,
        status: a.status,
        entry: a.entry,
        confidence: a.confidence,
        guildId: null,
        userId: user,
      });
    }
    await log.close();
    await storage.vote({
      answerId: 'x',
      voter: log.hash('1'),
      entry: 'overview',
      story: null,
      helpful: false,
      at: Date.now(),
    });
    const report = await unansweredReport(storage, store.current, { days: 7 });
    expect(report.questions).toHaveLength(1);
    expect(report.questions[0]).toMatchObject({ text: QUESTION, asks: 3, askers: 3, answeredNowBy: null });
    expect(report.questions[0]!.suggestions.length).toBeGreaterThan(0);
    const text = formatUnanswered(report);
    expect(text).toContain(`“${QUESTION}” — 3 times by 3 members`);
    expect(text).toContain('What is this story about? (overview): 1 not helpful, 0 helpful');

    await curator.teach(QUESTION, 'talks-progress', MOD);
    const after = await unansweredReport(storage, store.current, { days: 7 });
    expect(after.questions[0]).toMatchObject({ asks: 3, answeredNowBy: 'talks-progress' });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Storage } from '../src/storage/storage.js';
import { QuestionLog } from '../src/storage/question-log.js';
import { groupKey, mergeNearDuplicates } from '../src/storage/group.js';
import { loadSalt } from '../src/storage/hash.js';
import { testDatabases } from './helpers/databases.js';

const DAY = 86_400_000;

describe.each(testDatabases().map((d) => [d.name, d] as const))('storage on %s', (_name, database) => {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  let options: Awaited<ReturnType<typeof database.options>>;
  let now = Date.UTC(2026, 10, 28, 12);
  const clock = () => now;

  beforeEach(async () => {
    options = await database.options();
    cleanup = options.cleanup;
    storage = await Storage.open(options);
    now = Date.UTC(2026, 10, 28, 12);
  });
  afterEach(async () => {
    await storage.close();
    await cleanup();
  });

  const logOf = () =>
    new QuestionLog(storage, { salt: 'test-salt-test-salt-test-salt-123', retentionDays: 90, now: clock });
  const ask = (text: string, userId: string, status = 'not_found') => ({
    text,
    command: 'ask',
    story: 'ukraine-peace-push',
    status,
    entry: null,
    confidence: 0.1,
    guildId: '123456789012345678',
    userId,
  });

  it('counts a question asked three times by different members once, with three askers', async () => {
    const log = logOf();
    log.record({ ...ask('What does China think?', '111111111111111111'), at: now - 2000 });
    log.record({ ...ask('what does china think', '222222222222222222'), at: now - 1000 });
    log.record(ask('hey bot, what does China think??', '333333333333333333'));
    log.record(ask('who is leading the talks', '111111111111111111', 'answered'));
    await log.close();
    const groups = await storage.unansweredGroups(now - 7 * DAY, 10);
    expect(groups).toEqual([{ groupKey: groupKey('what does china think'), asks: 3, lastAsked: now }]);
    expect(await storage.groupDetails([groups[0]!.groupKey], now - 7 * DAY)).toEqual({
      askers: 3,
      text: 'hey bot what does china think',
    });
  });

  it('never stores a member id in the clear', async () => {
    const log = logOf();
    log.record(ask('what about china', '987654321098765432'));
    await log.close();
    const rows = await storage.db.selectFrom('questions').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain('987654321098765432');
    expect(rows[0]!.asker).toBe(log.hash('987654321098765432'));
  });

  it('leaves questions older than the window out, and purges those past retention', async () => {
    const log = logOf();
    log.record({ ...ask('what about china', '1'), at: now - 100 * DAY });
    log.record({ ...ask('what about china', '2'), at: now - 10 * DAY });
    log.record(ask('what about china', '3'));
    await log.flush();
    expect((await storage.unansweredGroups(now - 7 * DAY, 10))[0]!.asks).toBe(1);
    expect((await storage.unansweredGroups(now - 30 * DAY, 10))[0]!.asks).toBe(2);
    expect(await log.purge()).toBe(1);
    expect(await storage.countQuestions()).toBe(2);
  });

  it('purges in chunks until nothing old is left', async () => {
    const log = logOf();
    for (let i = 0; i < 5; i++) log.record({ ...ask('old question', String(i)), at: now - 100 * DAY });
    log.record(ask('new question', '9'));
    await log.flush();
    expect(await storage.purgeQuestions(now - 90 * DAY, 2)).toBe(5);
    expect(await storage.countQuestions()).toBe(1);
  });

  it('keeps one vote per member per answer; a second click changes it', async () => {
    const vote = { answerId: 'a1', voter: 'h1', entry: 'overview', story: 's', helpful: true, at: now };
    expect(await storage.vote(vote)).toEqual({ previous: null });
    expect(await storage.vote({ ...vote, helpful: false })).toEqual({ previous: true });
    await storage.vote({ ...vote, voter: 'h2', helpful: false });
    await storage.vote({ ...vote, answerId: 'a2', voter: 'h3', entry: 'secrecy', helpful: false });
    await storage.vote({ ...vote, answerId: 'a3', voter: 'h3', entry: 'talks', helpful: true });
    const ranked = await storage.entriesByNotHelpful(now - DAY, 10);
    expect(ranked).toEqual([
      { entry: 'overview', story: 's', notHelpful: 2, helpful: 0 },
      { entry: 'secrecy', story: 's', notHelpful: 1, helpful: 0 },
    ]);
  });

  it('records changes and marks them undone', async () => {
    const id = await storage.recordChange({
      changedAt: now,
      kind: 'teach',
      actorId: '42',
      actorName: 'mod',
      file: 'stories/x/qa.yaml',
      entries: ['overview'],
      previousPath: 'history/1.yaml',
      undoes: null,
    });
    await storage.markUndone(id, now + 1);
    const [change] = await storage.changes(5);
    expect(change).toMatchObject({ id, kind: 'teach', entries: ['overview'], undoneAt: now + 1 });
  });

  it('forgets a value after its expiry', async () => {
    await storage.setValue('ctx:1', 'overview', 3_600_000, now);
    expect(await storage.getValue('ctx:1', now + 1000)).toBe('overview');
    expect(await storage.getValue('ctx:1', now + 3_600_000)).toBeNull();
    expect(await storage.purgeValues(now + 3_600_000)).toBe(1);
  });

  it('lets one claim of a key win until it expires', async () => {
    const claims = await Promise.all([1, 2, 3].map(() => storage.claimValue('answered:m1', '1', 60_000, now)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await storage.claimValue('answered:m1', '1', 60_000, now + 59_999)).toBe(false);
    expect(await storage.claimValue('answered:m1', '1', 60_000, now + 60_000)).toBe(true);
  });

  it('counts hits in a window shared by every instance', async () => {
    expect((await storage.hit('cd:u1', 10_000, now)).count).toBe(1);
    expect((await storage.hit('cd:u1', 10_000, now + 5_000)).count).toBe(2);
    expect(await storage.hit('cd:u1', 10_000, now + 10_000)).toEqual({ count: 1, windowStart: now + 10_000 });
  });

  it('keeps what was logged across a restart', async () => {
    const log = logOf();
    log.record(ask('what about china', '1'));
    await log.close();
    await storage.close();
    storage = await Storage.open(options);
    expect(await storage.countQuestions()).toBe(1);
  });
});

describe('grouping near-duplicate questions', () => {
  it('gives the same key to the same question typed differently', () => {
    expect(groupKey('Hey bot, what does CHINA think about the plan?')).toBe(
      groupKey('what does china think of the plan'),
    );
  });

  it('merges keys a typo apart, and keeps different questions apart', () => {
    const g = (k: string, asks: number) => ({ groupKey: groupKey(k), asks, lastAsked: asks });
    const merged = mergeNearDuplicates([
      g('what does china think', 3),
      g('what does chnia think', 1),
      g('what does india think', 1),
    ]);
    expect(merged.map((m) => m.asks)).toEqual([4, 1]);
  });
});

describe('the salt', () => {
  it('is generated once and kept', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/salt-`);
    const first = loadSalt(dir, null);
    expect(first).toHaveLength(64);
    expect(loadSalt(dir, null)).toBe(first);
    expect(loadSalt(dir, 'configured')).toBe('configured');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { openCuration, type Curation } from '../src/curation/services.js';
import { Dispatcher } from '../src/dispatch/dispatcher.js';
import { Cooldown, sharedCooldown } from '../src/dispatch/cooldown.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { Storage } from '../src/storage/storage.js';
import { testDatabases } from './helpers/databases.js';
import { KNOWLEDGE_DIR } from './helpers/knowledge.js';

const ask = (id: string) => ({
  kind: 'command' as const,
  source: 'test',
  invoker: { id, isModerator: false },
  name: 'ask',
  options: { question: 'who is leading the talks' },
});

describe.each(testDatabases())('a member’s cooldown kept in the database ($name)', (db) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('counts one budget per member across every copy using the database, and frees it after the window', async () => {
    const options = await db.options();
    const a = await Storage.open(options);
    const b = await Storage.open(options);
    cleanups.push(
      options.cleanup,
      () => a.close(),
      () => b.close(),
    );
    const copyA = sharedCooldown(a, new Cooldown(2, 10_000));
    const copyB = sharedCooldown(b, new Cooldown(2, 10_000));
    const t = 1_000_000;
    expect(await copyA.take('member-1', t)).toBe(0);
    expect(await copyB.take('member-1', t + 1)).toBe(0);
    expect(await copyA.take('member-1', t + 2)).toBe(9_998);
    // Another member has their own budget.
    expect(await copyB.take('member-2', t + 3)).toBe(0);
    expect(await copyB.take('member-1', t + 10_000)).toBe(0);
  });

  it('falls back to the copy’s own budget when the database is gone, rather than refuse an answer', async () => {
    const options = await db.options();
    const storage = await Storage.open(options);
    cleanups.push(options.cleanup);
    await storage.close();
    const limiter = sharedCooldown(storage, new Cooldown(1, 10_000));
    expect(await limiter.take('member-1', 5)).toBe(0);
    expect(await limiter.take('member-1', 6)).toBeGreaterThan(0);
  });
});

const postgres = testDatabases().filter((d) => d.name === 'postgres');
describe.each(postgres)('two copies of the bot on one PostgreSQL', (db) => {
  it('tell a member who asks too quickly to wait, whichever copy answers', async () => {
    const options = await db.options();
    const store = await KnowledgeStore.open(KNOWLEDGE_DIR);
    const copies: Curation[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        copies.push(await openCuration({ ...options, questionLogDays: 90, hashSalt: 'salt-salt-salt-salt' }, store));
      }
      const [one, two] = copies.map(
        (curation) => new Dispatcher({ store, commands, curation, rate: { uses: 2, perMs: 60_000 } }),
      );
      expect((await one!.dispatch(ask('m'))).type).toBe('answer');
      expect((await two!.dispatch(ask('m'))).type).toBe('answer');
      expect(await two!.dispatch(ask('m'))).toMatchObject({ type: 'notice', reason: 'cooldown' });
      expect(await one!.dispatch(ask('m'))).toMatchObject({ type: 'notice', reason: 'cooldown' });
    } finally {
      for (const c of copies) await c.close();
      await options.cleanup();
    }
  });
});

describe('votes and the member’s budget', () => {
  it('a vote draws on the same budget as a question, so clicking fast is refused privately', async () => {
    const store = await KnowledgeStore.open(KNOWLEDGE_DIR);
    const dispatcher = new Dispatcher({ store, commands, rate: { uses: 1, perMs: 60_000 } });
    const press = { kind: 'component' as const, source: 'test', invoker: { id: 'v', isModerator: false } };
    expect(await dispatcher.dispatch({ ...press, customId: 'fb:y:123:talks-leader' })).not.toMatchObject({
      reason: 'cooldown',
    });
    expect(await dispatcher.dispatch({ ...press, customId: 'fb:n:123:talks-leader' })).toMatchObject({
      type: 'notice',
      reason: 'cooldown',
    });
  });
});

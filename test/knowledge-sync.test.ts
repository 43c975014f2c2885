import { afterEach, describe, expect, it } from 'vitest';
import { answer } from '../src/engine/answer.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { createLogger } from '../src/logger.js';
import { KnowledgeSync, versionOf, type VersionChannel } from '../src/sync/knowledge-sync.js';
import { copyKnowledge, QA } from './helpers/knowledge.js';

/** The channel's contract in memory: every copy hears every announcement, and late joiners the latest. */
class Hub {
  latest: string | undefined;
  readonly listeners: ((v: string) => void)[] = [];
  channel(): VersionChannel {
    return {
      publish: async (v) => {
        this.latest = v;
        for (const l of this.listeners) l(v);
      },
      subscribe: (l) => {
        this.listeners.push(l);
        if (this.latest) l(this.latest);
      },
      check: async () => null,
      close: async () => {},
    };
  }
}

const log = createLogger({ level: 'silent' });
const scratches: { remove: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(scratches.splice(0).map((s) => s.remove()));
});

async function copyOn(dir: string, hub: Hub) {
  const store = await KnowledgeStore.open(dir);
  const sync = new KnowledgeSync(store, hub.channel(), log);
  sync.start();
  return { store, sync };
}

const significance = (store: KnowledgeStore) =>
  answer(store.current, { lookup: 'ask', text: 'how significant is this' });

describe('two copies sharing one knowledge folder', () => {
  it('a refresh on one copy reaches the other, which serves the new answer', async () => {
    const shared = await copyKnowledge();
    scratches.push(shared);
    const hub = new Hub();
    const a = await copyOn(shared.dir, hub);
    const b = await copyOn(shared.dir, hub);
    await shared.edit(QA, (t) =>
      t.replace('answer: CNN said the effort marks', 'answer: According to CNN, the effort marks'),
    );
    expect(significance(b.store).answer).toMatch(/^CNN said/);

    expect((await a.store.refresh()).ok).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    await b.sync.settled();

    expect(significance(b.store).answer).toMatch(/^According to CNN/);
    expect(b.sync.status).toEqual({ version: versionOf(a.store.current), failed: null });
  });

  it('a copy that cannot load the announced version keeps serving its own, and says so', async () => {
    const good = await copyKnowledge();
    const broken = await copyKnowledge();
    scratches.push(good, broken);
    const hub = new Hub();
    const a = await copyOn(good.dir, hub);
    const b = await copyOn(broken.dir, hub);
    const served = versionOf(b.store.current);
    await good.edit(QA, (t) =>
      t.replace('answer: CNN said the effort marks', 'answer: According to CNN, the effort marks'),
    );
    await broken.edit(QA, (t) => t.replace('- id: secrecy', '- id: significance'));

    await a.store.refresh();
    await new Promise((resolve) => setImmediate(resolve));
    await b.sync.settled();

    expect(significance(b.store).answer).toMatch(/^CNN said/);
    expect(b.sync.status.version).toBe(served);
    expect(b.sync.status.failed).toMatchObject({ version: versionOf(a.store.current) });
    expect(b.sync.status.failed!.problems.join('\n')).toMatch(/significance/);
  });

  it('a copy that starts after a change catches up with the latest version', async () => {
    const shared = await copyKnowledge();
    scratches.push(shared);
    const hub = new Hub();
    const a = await copyOn(shared.dir, hub);
    await shared.edit(QA, (t) =>
      t.replace('answer: CNN said the effort marks', 'answer: According to CNN, the effort marks'),
    );
    await a.store.refresh();
    await new Promise((resolve) => setImmediate(resolve));
    expect(hub.latest).toBe(versionOf(a.store.current));

    const late = await copyOn(shared.dir, hub);
    await late.sync.settled();
    expect(versionOf(late.store.current)).toBe(hub.latest);
  });
});

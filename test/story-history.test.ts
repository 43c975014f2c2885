import { cp, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Curator } from '../src/curation/curator.js';
import { answer } from '../src/engine/answer.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { Storage } from '../src/storage/storage.js';
import { copyKnowledge, ROOT } from './helpers/knowledge.js';
import { testDatabases } from './helpers/databases.js';

const MOD = { id: '111111111111111111', name: 'mod' };
const QUESTION = 'how many vessels were diverted to antwerp';

describe.each(testDatabases().map((d) => [d.name, d] as const))('removing a story, on %s', (_name, database) => {
  let storage: Storage;
  let store: KnowledgeStore;
  let curator: Curator;
  let knowledge: Awaited<ReturnType<typeof copyKnowledge>>;
  let options: Awaited<ReturnType<typeof database.options>>;

  beforeEach(async () => {
    options = await database.options();
    storage = await Storage.open(options);
    knowledge = await copyKnowledge();
    await cp(
      path.join(ROOT, 'test/fixtures/drafted/stories/harbour-strike'),
      path.join(knowledge.dir, 'stories/harbour-strike'),
      { recursive: true },
    );
    store = await KnowledgeStore.open(knowledge.dir);
    curator = new Curator(store, storage, options.dataDir);
  });
  afterEach(async () => {
    await storage.close();
    await knowledge.remove();
    await options.cleanup();
  });

  it('records the removal in the change history, keeps the files in DATA_DIR, and undo brings the story back', async () => {
    expect(answer(store.current, { lookup: 'ask', text: QUESTION }).story?.id).toBe('harbour-strike');

    const removed = await curator.removeStory('harbour-strike', MOD);
    expect(removed).toMatchObject({ ok: true, kind: 'removed', movedTo: expect.stringMatching(/^history\//) });
    expect(store.current.knowledge.stories.map((s) => s.id)).toEqual(['ukraine-peace-push']);
    expect(existsSync(path.join(knowledge.dir, 'stories/harbour-strike'))).toBe(false);
    const kept = path.join(options.dataDir, removed.ok && removed.kind === 'removed' ? removed.movedTo : '');
    const files = (await readdir(path.join(ROOT, 'test/fixtures/drafted/stories/harbour-strike'))).sort();
    expect((await readdir(kept)).sort()).toEqual(files);
    expect(files).toContain('qa.yaml');
    const [change] = await storage.changes(1);
    expect(change).toMatchObject({ kind: 'remove-story', actorId: MOD.id, file: 'stories/harbour-strike' });
    expect(change!.entries.length).toBeGreaterThan(10);

    const undone = await curator.undo(MOD);
    expect(undone).toMatchObject({ ok: true, undone: { id: change!.id } });
    expect(store.current.knowledge.stories.map((s) => s.id).sort()).toEqual(['harbour-strike', 'ukraine-peace-push']);
    const back = answer(store.current, { lookup: 'ask', text: QUESTION });
    expect(back).toMatchObject({ status: 'answered', story: { id: 'harbour-strike' } });
    // The history keeps its copy; a second undo finds nothing left to undo.
    expect(existsSync(kept)).toBe(true);
    expect(await curator.undo(MOD)).toMatchObject({ ok: false });
  });

  it('will not remove the only story, and records nothing', async () => {
    expect(await curator.removeStory('harbour-strike', MOD)).toMatchObject({ ok: true });
    expect(await curator.removeStory('ukraine-peace-push', MOD)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/only story/),
    });
    expect((await storage.changes(10)).map((c) => c.kind)).toEqual(['remove-story']);
  });
});

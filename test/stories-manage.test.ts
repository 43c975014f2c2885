import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answer } from '../src/engine/answer.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { addStory, removeStory } from '../src/stories/manage.js';
import { copyKnowledge, ROOT, STORY_DIR } from './helpers/knowledge.js';

let scratch: Awaited<ReturnType<typeof copyKnowledge>> | undefined;
afterEach(async () => {
  await scratch?.remove();
  scratch = undefined;
});

const harbour = () => readFile(path.join(ROOT, 'test/fixtures/reports/harbour-strike.txt'), 'utf8');

async function open() {
  scratch = await copyKnowledge();
  return KnowledgeStore.open(scratch.dir);
}

describe('adding a story from its report while serving', () => {
  it('drafts it, loads it without a restart, and answers from it with a quote from its line', async () => {
    const store = await open();
    const change = await addStory(store, 'harbour-strike', await harbour());
    if (!change.ok) throw new Error(change.message);
    expect(change).toMatchObject({ kind: 'added', summary: { sentences: 11 } });
    if (change.kind !== 'added') throw new Error('not added');
    expect(change.summary.people).toEqual(['Marieke Visser', 'Boudewijn Siemons', 'Pieter Janssen', 'Sofia Brandt']);
    expect(change.outcome.diff.added.length).toBeGreaterThan(20);
    const got = answer(store.current, { lookup: 'ask', text: 'how many vessels were diverted to antwerp' });
    expect(got.sources[0]).toMatchObject({
      story: 'harbour-strike',
      line: 4,
      quote: 'Terminal operator ECT said it had diverted 14 vessels to Antwerp and Hamburg since the walkout began.',
    });
  });

  it('refuses a bad name or a file that is not a report, and changes nothing', async () => {
    const store = await open();
    const before = store.current;
    expect(await addStory(store, '../etc', await harbour())).toMatchObject({
      ok: false,
      message: expect.stringMatching(/kebab-case/),
    });
    expect(await addStory(store, 'x', '\0\0\0')).toMatchObject({
      ok: false,
      message: 'The report is not a text file.',
    });
    expect(store.current).toBe(before);
    expect(existsSync(path.join(scratch!.dir, 'stories/x'))).toBe(false);
  });

  it('replaces a loaded story’s report with an updated version, re-anchoring what moved and withholding what is gone', async () => {
    const store = await open();
    const report = await readFile(path.join(STORY_DIR, 'report.txt'), 'utf8');
    const updated = `UPDATE: Talks resumed in Geneva, officials said.\n${report.replace(/^However, Kremlin spokesperson.*$/m, 'The Kremlin declined to comment.')}`;
    const change = await addStory(store, 'ukraine-peace-push', updated);
    if (!change.ok) throw new Error(change.message);
    expect(change.kind).toBe('updated');
    if (change.kind !== 'updated') throw new Error('not updated');
    expect(change.outcome.diff.reanchored).toContain('talks-leader');
    expect(change.outcome.diff.withheld).toContain('dmitry-peskov');
  });

  it('unloads a story by moving its folder aside, and will not remove the last one', async () => {
    const store = await open();
    await addStory(store, 'harbour-strike', await harbour());
    const removed = await removeStory(store, 'harbour-strike');
    expect(removed).toMatchObject({
      ok: true,
      kind: 'removed',
      movedTo: expect.stringMatching(/^removed\/harbour-strike-/),
    });
    expect(store.current.knowledge.stories.map((s) => s.id)).toEqual(['ukraine-peace-push']);
    expect(await removeStory(store, 'ukraine-peace-push')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/only story/),
    });
    expect(await removeStory(store, 'nope')).toMatchObject({ ok: false, message: 'No story called “nope” is loaded.' });
  });
});

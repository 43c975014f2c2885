import { afterEach, describe, expect, it } from 'vitest';
import { answer } from '../src/engine/answer.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { copyKnowledge, QA } from './helpers/knowledge.js';

let scratch: Awaited<ReturnType<typeof copyKnowledge>> | undefined;
afterEach(async () => {
  await scratch?.remove();
  scratch = undefined;
});

async function openScratch() {
  scratch = await copyKnowledge();
  return { scratch, store: await KnowledgeStore.open(scratch.dir) };
}

describe('a developing story: the report replaced by an updated version', () => {
  it('re-anchors quotes that moved, withholds those that no longer match, and says which', async () => {
    const { scratch, store } = await openScratch();
    const report = 'stories/ukraine-peace-push/report.txt';
    await scratch.edit(report, (t) => {
      const lines = t.split('\n');
      // A new paragraph at the top moves every line down; Peskov's paragraph is rewritten.
      const updated = lines.map((l) =>
        l.startsWith('However, Kremlin spokesperson') ? 'The Kremlin declined to comment on Thursday.' : l,
      );
      return ['UPDATE: Talks resumed in Geneva, officials said.', ...updated].join('\n');
    });
    const outcome = await store.refresh();
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.diff.reanchored).toContain('talks-leader');
    expect(outcome.diff.withheld).toContain('dmitry-peskov');
    expect(outcome.diff.removed).not.toContain('dmitry-peskov');
    // Re-anchored: the same quote, now from line 3.
    expect(answer(store.current, { lookup: 'ask', text: 'who is leading the talks' }).sources[0]).toMatchObject({
      line: 3,
    });
    // Withheld: nothing that no longer matches is served.
    const peskov = answer(store.current, { lookup: 'who', text: 'peskov' });
    expect(peskov.status).not.toBe('answered');
    expect(
      store.current.knowledge.entries.every((e) =>
        e.sources.every((s) => store.current.knowledge.stories[0]!.lines[s.line - 1]!.includes(s.quote)),
      ),
    ).toBe(true);
  });
});

describe('refreshing the knowledge while serving', () => {
  it('serves an edited answer after a refresh and reports it as edited', async () => {
    const { scratch, store } = await openScratch();
    await scratch.edit(QA, (t) =>
      t.replace('answer: CNN said the effort marks', 'answer: According to CNN, the effort marks'),
    );
    const outcome = await store.refresh();
    expect(outcome).toMatchObject({ ok: true, diff: { edited: ['significance'], added: [], removed: [] } });
    expect(answer(store.current, { lookup: 'ask', text: 'how significant is this' }).answer).toMatch(
      /^According to CNN/,
    );
  });

  it('reports added and removed entries', async () => {
    const { scratch, store } = await openScratch();
    await scratch.edit(QA, (t) => t.replace('- id: secrecy', '- id: secrecy-renamed'));
    const outcome = await store.refresh();
    expect(outcome).toMatchObject({ ok: true, diff: { added: ['secrecy-renamed'], removed: ['secrecy'] } });
  });

  it('reports answers whose cited line changed', async () => {
    const { scratch, store } = await openScratch();
    await scratch.edit(QA, (t) =>
      t.replace(
        '  sources:\n    - line: 1\n      quote: marking one of the most significant',
        '  sources:\n    - line: 1\n      quote: one of the most significant',
      ),
    );
    const outcome = await store.refresh();
    expect(outcome).toMatchObject({ ok: true, diff: { citationsChanged: ['significance'] } });
  });

  it('keeps serving the old knowledge, untouched, when the edit is broken', async () => {
    const { scratch, store } = await openScratch();
    const before = store.current;
    await scratch.edit(QA, (t) =>
      t
        .replace('answer: CNN said the effort marks', 'answer: Edited. CNN said the effort marks')
        .replace('by: axios', 'by: nobody'),
    );
    const outcome = await store.refresh();
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems[0]).toMatchObject({ file: QA, field: expect.stringMatching(/\.by$/) });
    expect(store.current).toBe(before);
    expect(answer(store.current, { lookup: 'ask', text: 'how significant is this' }).answer).toMatch(/^CNN said/);
  });

  it('runs two refreshes at once one after the other', async () => {
    const { scratch, store } = await openScratch();
    await scratch.edit(QA, (t) => t.replace('- id: secrecy', '- id: secrecy-two'));
    const [first, second] = await Promise.all([store.refresh(), store.refresh()]);
    expect(first).toMatchObject({ ok: true, diff: { added: ['secrecy-two'] } });
    // The second saw the first's result as its starting point: nothing left to change.
    expect(second).toMatchObject({ ok: true, diff: { added: [], removed: [], edited: [] } });
  });
});

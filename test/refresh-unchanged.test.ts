import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateKnowledge } from '../src/evaluation/generate.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { writeKnowledge } from '../scripts/shared.js';
import { KNOWLEDGE_DIR } from './helpers/knowledge.js';

/** What a full load of the folder gives, to compare a refresh's knowledge with. */
async function fullLoad(dir: string) {
  const r = await loadKnowledge(dir);
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  return r.knowledge;
}

describe('a refresh reparses only the stories whose files changed', () => {
  it('keeps the unchanged stories and serves exactly what a full load gives', async () => {
    const shipped = await fullLoad(KNOWLEDGE_DIR);
    const dir = await writeKnowledge(generateKnowledge(shipped, 120, 5, 3));
    try {
      const store = await KnowledgeStore.open(dir);
      const same = await store.refresh();
      expect(same).toMatchObject({ ok: true, stories: { reparsed: 0, unchanged: 3 } });
      expect(store.current.knowledge).toEqual(await fullLoad(dir));

      // One story gains an entry; another's report loses the line a quote cites (its entry withheld).
      const qa = path.join(dir, 'stories/generated-story-1/qa.yaml');
      await appendFile(
        qa,
        '\n- id: added-now\n  question: What was added?\n  phrasings: [added entry]\n  answer: Something.\n  sources:\n    - line: 1\n      quote: "WASHINGTON"\n      by: cnn\n',
      );
      const report = path.join(dir, 'stories/generated-story-2/report.txt');
      const text = await readFile(report, 'utf8');
      await writeFile(report, text.replace('WASHINGTON', 'NEW YORK'));
      const changed = await store.refresh();
      expect(changed).toMatchObject({ ok: true, stories: { reparsed: 2, unchanged: 1 } });
      const full = await fullLoad(dir);
      expect(store.current.knowledge).toEqual(full);
      expect(store.current.knowledge.entries.some((e) => e.id === 'added-now')).toBe(true);
      expect(full.notices?.some((n) => n.story === 'generated-story-2' && n.kind === 'withheld')).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('still refuses a changed story with a problem, and keeps serving the old knowledge', async () => {
    const shipped = await fullLoad(KNOWLEDGE_DIR);
    const dir = await writeKnowledge(generateKnowledge(shipped, 60, 5, 2));
    try {
      const store = await KnowledgeStore.open(dir);
      const before = store.current;
      await appendFile(path.join(dir, 'stories/generated-story-1/qa.yaml'), '\n- id: broken\n');
      const outcome = await store.refresh();
      expect(outcome.ok).toBe(false);
      expect(store.current).toBe(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

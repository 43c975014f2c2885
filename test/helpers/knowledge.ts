import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildKnowledgeBase, type KnowledgeBase } from '../../src/engine/answer.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const KNOWLEDGE_DIR = path.join(ROOT, 'knowledge');
export const STORY_DIR = path.join(KNOWLEDGE_DIR, 'stories/ukraine-peace-push');

let shipped: Promise<KnowledgeBase> | undefined;

/** The shipped knowledge, loaded once per test file. */
export function shippedKnowledgeBase(): Promise<KnowledgeBase> {
  shipped ??= loadKnowledge(KNOWLEDGE_DIR).then((r) => {
    if (!r.ok) throw new Error(`shipped knowledge is invalid: ${JSON.stringify(r.problems)}`);
    return buildKnowledgeBase(r.knowledge);
  });
  return shipped;
}

/** A scratch copy of the knowledge folder, for tests that break or edit it. */
export async function copyKnowledge(): Promise<{
  dir: string;
  edit: (rel: string, change: (text: string) => string) => Promise<void>;
  remove: () => Promise<void>;
}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'storybot-knowledge-'));
  await cp(KNOWLEDGE_DIR, dir, { recursive: true });
  return {
    dir,
    async edit(rel, change) {
      const file = path.join(dir, rel);
      const before = await readFile(file, 'utf8');
      const after = change(before);
      // An edit that matched nothing would make a "refuses" test pass for the wrong reason.
      if (after === before) throw new Error(`the edit to ${rel} changed nothing`);
      await writeFile(file, after);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export const QA = 'stories/ukraine-peace-push/qa.yaml';
export const PEOPLE = 'stories/ukraine-peace-push/people.yaml';

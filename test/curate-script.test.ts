import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDatabases } from './helpers/databases.js';
import { copyKnowledge, QA } from './helpers/knowledge.js';
import { tsx } from './helpers/run.js';

describe.each(testDatabases().map((d) => [d.name, d] as const))('npm run curate, on %s', (_name, database) => {
  it('teaches a question, keeps the change across runs, and undoes it to the byte', async () => {
    const options = await database.options();
    const knowledge = await copyKnowledge();
    try {
      const env = { KNOWLEDGE_DIR: knowledge.dir, DATA_DIR: options.dataDir, DATABASE_URL: options.databaseUrl ?? '' };
      const before = await readFile(path.join(knowledge.dir, QA), 'utf8');

      const taught = await tsx('scripts/curate.ts', ['teach', 'how far along is the plan', 'talks-progress'], { env });
      expect(taught.stderr).toBe('');
      expect(taught.stdout).toContain('Now: answered by talks-progress');
      expect(taught.stdout).toContain('— line 2, a source familiar with the discussions');

      const history = await tsx('scripts/curate.ts', ['history'], { env });
      expect(history.stdout).toMatch(
        /^#1 .* teach by .*: stories\/ukraine-peace-push\/qa\.yaml \[talks-progress\]; previous file: /,
      );

      const undone = await tsx('scripts/curate.ts', ['undo'], { env });
      expect(undone.stdout).toContain('Undid #1 (teach of stories/ukraine-peace-push/qa.yaml).');
      expect(await readFile(path.join(knowledge.dir, QA), 'utf8')).toBe(before);
    } finally {
      await knowledge.remove();
      await options.cleanup();
    }
  });
});

describe('npm run curate refusing', () => {
  it('an unknown entry, changing nothing, with exit 1', async () => {
    const knowledge = await copyKnowledge();
    const options = await testDatabases()[0]!.options();
    try {
      const env = { KNOWLEDGE_DIR: knowledge.dir, DATA_DIR: options.dataDir };
      const r = await tsx('scripts/curate.ts', ['teach', 'what about china', 'no-such-entry'], { env });
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe('There is no entry "no-such-entry".');
    } finally {
      await knowledge.remove();
      await options.cleanup();
    }
  });
});

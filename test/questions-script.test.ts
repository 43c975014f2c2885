import { describe, expect, it } from 'vitest';
import { QuestionLog } from '../src/storage/question-log.js';
import { Storage } from '../src/storage/storage.js';
import { testDatabases } from './helpers/databases.js';
import { tsx } from './helpers/run.js';

describe.each(testDatabases().map((d) => [d.name, d] as const))('npm run questions, on %s', (_name, database) => {
  it('exports the unanswered questions and the votes as CSV and JSON', async () => {
    const options = await database.options();
    try {
      const storage = await Storage.open(options);
      const log = new QuestionLog(storage, { salt: 'salt-salt-salt-salt-salt', retentionDays: 90 });
      for (const user of ['1', '2', '3']) {
        log.record({
          text: '=what does china think, "really"?',
          command: 'ask',
          story: null,
          status: 'not_found',
          entry: null,
          confidence: 0.1,
          guildId: null,
          userId: user,
        });
      }
      await log.close();
      await storage.vote({ answerId: 'a', voter: 'v', entry: 'overview', story: null, helpful: false, at: Date.now() });
      await storage.close();
      const env = { DATA_DIR: options.dataDir, DATABASE_URL: options.databaseUrl ?? '', HASH_SALT: '' };

      const csv = await tsx('scripts/questions.ts', ['--days', '7', '--format', 'csv'], { env });
      expect(csv.code).toBe(0);
      const lines = csv.stdout.trim().split('\n');
      expect(lines[0]).toBe('kind,text,asks,askers,last_asked,suggestions,entry,not_helpful,helpful');
      // The text as normalised: no punctuation left, so no formula for a spreadsheet to run.
      expect(lines[1]).toMatch(/^unanswered,what does china think really,3,3,\d{4}-/);
      expect(lines[2]).toBe('not_helpful,What is this story about?,,,,,overview,1,0');

      const json = await tsx('scripts/questions.ts', ['--format', 'json'], { env });
      expect(JSON.parse(json.stdout)).toMatchObject({
        days: 7,
        questions: [{ asks: 3, askers: 3 }],
        notHelpful: [{ entry: 'overview', notHelpful: 1 }],
      });
    } finally {
      await options.cleanup();
    }
  });
});

describe('npm run questions with a bad option', () => {
  it('says what is wrong in one line and exits 2', async () => {
    const r = await tsx('scripts/questions.ts', ['--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format must be csv, json or text');
  });
});

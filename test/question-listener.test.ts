import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { questionLogListener } from '../src/curation/question-listener.js';
import { QuestionLog } from '../src/storage/question-log.js';
import { Storage } from '../src/storage/storage.js';

describe('logging the questions members submit', () => {
  let dir: string;
  let storage: Storage;
  let log: QuestionLog;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'storybot-listener-'));
    storage = await Storage.open({ dataDir: dir, databaseUrl: null });
    log = new QuestionLog(storage, { salt: 'salt-salt-salt-salt-salt', retentionDays: 90 });
  });
  afterEach(async () => {
    await log.close();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const answered = {
    status: 'answered',
    entry: 'talks-leader',
    confidence: 0.9,
    sources: [{ story: 'ukraine-peace-push' }],
  };
  const invoker = { id: '123456789012345678', guildId: '223456789012345678' };

  it('keeps a question with its answer’s id, status, entry, story and server, and the member only as a hash', async () => {
    const listen = questionLogListener(log, { ask: 'question' });
    listen({
      request: { kind: 'command', id: '900000000000000001', invoker, options: { question: 'Who leads the talks?' } },
      command: 'ask',
      reply: { type: 'answer', answer: answered },
    });
    await log.flush();
    const rows = await storage.db.selectFrom('questions').selectAll().execute();
    expect(rows).toEqual([
      expect.objectContaining({
        id: '900000000000000001',
        text: 'who leads the talks',
        command: 'ask',
        story: 'ukraine-peace-push',
        status: 'answered',
        unanswered: 0,
        entry: 'talks-leader',
        guild_id: invoker.guildId,
        asker: log.hash(invoker.id),
      }),
    ]);
  });

  it('does not log keystrokes, refusals, or commands that ask nothing', async () => {
    const listen = questionLogListener(log, { ask: 'question' });
    listen({ request: { kind: 'autocomplete', invoker }, command: 'who' });
    listen({
      request: { kind: 'command', invoker, options: { question: 'x' } },
      command: 'ask',
      reply: { type: 'notice' },
    });
    listen({ request: { kind: 'command', invoker, options: {} }, command: 'help', reply: { type: 'info' } });
    await log.flush();
    expect(await storage.countQuestions()).toBe(0);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedbackButtonId, parseFeedbackButtonId, recordFeedback } from '../src/curation/feedback.js';
import { QuestionLog } from '../src/storage/question-log.js';
import { Storage } from '../src/storage/storage.js';

describe('feedback on an answer', () => {
  let dir: string;
  let storage: Storage;
  let log: QuestionLog;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'storybot-feedback-'));
    storage = await Storage.open({ dataDir: dir, databaseUrl: null });
    log = new QuestionLog(storage, { salt: 'salt-salt-salt-salt-salt', retentionDays: 90 });
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const vote = { answerId: '1300000000000000001', entry: 'talks-leader', story: null, userId: '123456789012345678' };

  it('thanks the member, and a second click changes the vote rather than adding one', async () => {
    expect(await recordFeedback(storage, log, { ...vote, helpful: true })).toBe('Thanks: noted as helpful.');
    expect(await recordFeedback(storage, log, { ...vote, helpful: true })).toBe(
      'You had already said helpful; nothing changed.',
    );
    expect(await recordFeedback(storage, log, { ...vote, helpful: false })).toBe('Changed your vote to not helpful.');
    const rows = await storage.db.selectFrom('votes').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ helpful: 0, voter: log.hash(vote.userId) });
  });

  it('round-trips the button id, and refuses a tampered one', () => {
    const id = feedbackButtonId(vote.answerId, vote.entry, false)!;
    expect(id.length).toBeLessThanOrEqual(100);
    expect(parseFeedbackButtonId(id)).toEqual({ helpful: false, answerId: vote.answerId, entry: vote.entry });
    expect(parseFeedbackButtonId('fb:y:1:../../etc')).toBeNull();
    expect(parseFeedbackButtonId('pick:talks-leader')).toBeNull();
  });
});

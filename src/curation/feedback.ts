import type { QuestionLog } from '../storage/question-log.js';
import type { Storage } from '../storage/storage.js';

/** A "Helpful" / "Not helpful" click on a public answer. */
export interface FeedbackVote {
  /** The answer's id: the request id its question was logged under. */
  answerId: string;
  entry: string;
  story: string | null;
  userId: string;
  helpful: boolean;
}

/** Button ids are at most 100 characters; an answer id and an entry id fit well within that. */
const MAX_CUSTOM_ID = 100;
const PREFIX = 'fb';

/** The button's custom id for a vote, or null when it would not fit (then no buttons are shown). */
export function feedbackButtonId(answerId: string, entry: string, helpful: boolean): string | null {
  const id = `${PREFIX}:${helpful ? 'y' : 'n'}:${answerId}:${entry}`;
  return id.length <= MAX_CUSTOM_ID && /^[\w-]+$/.test(answerId) && /^[a-z0-9-]+$/.test(entry) ? id : null;
}

/** Reads a button's custom id back; null when it is not a feedback button (or was tampered with). */
export function parseFeedbackButtonId(customId: string): Omit<FeedbackVote, 'userId' | 'story'> | null {
  const m = /^fb:([yn]):([\w-]{1,40}):([a-z0-9-]{1,80})$/.exec(customId);
  return m ? { helpful: m[1] === 'y', answerId: m[2]!, entry: m[3]! } : null;
}

/**
 * Records a vote, one per member per answer (a second click changes it), and returns the private
 * acknowledgement. The member is kept only as the question log's salted hash.
 */
export async function recordFeedback(
  storage: Storage,
  log: QuestionLog,
  vote: FeedbackVote,
  now = Date.now(),
): Promise<string> {
  const { previous } = await storage.vote({
    answerId: vote.answerId,
    voter: log.hash(vote.userId),
    entry: vote.entry,
    story: vote.story,
    helpful: vote.helpful,
    at: now,
  });
  const what = vote.helpful ? 'helpful' : 'not helpful';
  if (previous === null) return `Thanks: noted as ${what}.`;
  if (previous === vote.helpful) return `You had already said ${what}; nothing changed.`;
  return `Changed your vote to ${what}.`;
}

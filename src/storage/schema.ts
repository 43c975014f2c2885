import type { Generated } from 'kysely';

/**
 * The tables, as Kysely sees them. Types are the portable subset of SQLite and PostgreSQL: text,
 * integers (times are epoch milliseconds), doubles, and 0/1 for booleans, so one query runs on both.
 */
export interface Database {
  questions: QuestionsTable;
  question_days: QuestionDaysTable;
  votes: VotesTable;
  knowledge_changes: KnowledgeChangesTable;
  kv: KvTable;
  counters: CountersTable;
  pins: PinsTable;
}

export interface QuestionsTable {
  /** The answer's id: what feedback buttons carry. */
  id: string;
  asked_at: number;
  /** The question as the engine normalised it (case, accents, quotes folded). */
  text: string;
  /** Content words, sorted: questions with the same key are the same question typed differently. */
  group_key: string;
  command: string;
  story: string | null;
  status: string;
  /** 1 when the bot declined or was unsure: what /unanswered lists. */
  unanswered: number;
  entry: string | null;
  confidence: number;
  guild_id: string | null;
  /** A salted hash of the member's id: counts distinct askers, never names one. */
  asker: string;
}

/** Unanswered questions counted per day and group: what /unanswered sums, instead of every row. */
export interface QuestionDaysTable {
  /** Days since the epoch, UTC. */
  day: number;
  group_key: string;
  asks: number;
  last_asked: number;
}

export interface VotesTable {
  answer_id: string;
  voter: string;
  entry: string;
  story: string | null;
  helpful: number;
  voted_at: number;
}

export interface KnowledgeChangesTable {
  id: Generated<number>;
  changed_at: number;
  /** teach, import or undo. */
  kind: string;
  /** The moderator's user id and name: a change is accountable, unlike a question. */
  actor_id: string;
  actor_name: string;
  /** The knowledge file, relative to the knowledge folder. */
  file: string;
  /** Entries the change touched, comma-separated. */
  entries: string;
  /** Where the file as it was before is kept, relative to DATA_DIR. */
  previous_path: string;
  /** The change this one undid, for an undo. */
  undoes: number | null;
  /** When this change was undone, or null. */
  undone_at: number | null;
}

export interface KvTable {
  key: string;
  value: string;
  expires_at: number;
}

export interface CountersTable {
  key: string;
  window_start: number;
  count: number;
}

/** A channel pinned to a story: questions asked there go to it first. */
export interface PinsTable {
  channel_id: string;
  story: string;
  pinned_at: number;
}

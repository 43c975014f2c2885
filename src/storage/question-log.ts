import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { clip, normalize } from '../engine/text.js';
import { groupKey } from './group.js';
import { hashId } from './hash.js';
import type { QuestionRow, Storage } from './storage.js';

/** A question as a transport saw it, before anything is hashed or normalised. */
export interface AskedQuestion {
  /** The answer's id, when the reply already carries it (feedback buttons); generated otherwise. */
  id?: string;
  text: string;
  command: string;
  story: string | null;
  status: string;
  entry: string | null;
  confidence: number;
  guildId: string | null;
  userId: string;
  at?: number;
}

export interface QuestionLogOptions {
  salt: string;
  /** Questions older than this many days are purged. */
  retentionDays: number;
  log?: Logger;
  /** How long a question may wait in memory before it is written. */
  flushMs?: number;
  /** Write at once when this many questions wait. */
  maxBatch?: number;
  now?: () => number;
}

const DAY_MS = 86_400_000;
const PURGE_EVERY_MS = 3_600_000;
const MAX_TEXT = 300;

/** A fresh id for an answer: short enough for a button's custom id, unguessable enough. */
export function newAnswerId(): string {
  return randomBytes(9).toString('base64url');
}

/**
 * The question log. `record` only puts the question in memory and returns at once; writes go
 * out in batches, off the reply path. A failed write is logged and dropped: the log must never
 * cost a member an answer.
 */
export class QuestionLog {
  #pending: QuestionRow[] = [];
  #timer: NodeJS.Timeout | null = null;
  #purgeTimer: NodeJS.Timeout | null = null;
  #writing: Promise<void> = Promise.resolve();
  readonly #flushMs: number;
  readonly #maxBatch: number;
  readonly #now: () => number;

  constructor(
    readonly storage: Storage,
    readonly options: QuestionLogOptions,
  ) {
    this.#flushMs = options.flushMs ?? 250;
    this.#maxBatch = options.maxBatch ?? 200;
    this.#now = options.now ?? Date.now;
  }

  /** Keeps the question; returns its answer id. */
  record(q: AskedQuestion): string {
    const id = q.id ?? newAnswerId();
    const text = clip(normalize(q.text), MAX_TEXT);
    this.#pending.push({
      id,
      askedAt: q.at ?? this.#now(),
      text,
      groupKey: clip(groupKey(q.text), MAX_TEXT),
      command: q.command,
      story: q.story,
      status: q.status,
      entry: q.entry,
      confidence: q.confidence,
      guildId: q.guildId,
      asker: this.hash(q.userId),
    });
    if (this.#pending.length >= this.#maxBatch) void this.flush();
    else this.#timer ??= setTimeout(() => void this.flush(), this.#flushMs);
    return id;
  }

  /** A member id as every table keeps it. */
  hash(userId: string): string {
    return hashId(this.options.salt, userId);
  }

  /** Writes what waits; resolves when it (and any write before it) is done. */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const batch = this.#pending;
    this.#pending = [];
    this.#writing = this.#writing.then(async () => {
      if (!batch.length) return;
      try {
        await this.storage.insertQuestions(batch);
      } catch (err) {
        this.options.log?.error({ err, dropped: batch.length }, 'question log write failed');
      }
    });
    return this.#writing;
  }

  /** Deletes questions past the retention period. */
  async purge(): Promise<number> {
    const removed = await this.storage.purgeQuestions(this.#now() - this.options.retentionDays * DAY_MS);
    if (removed) this.options.log?.info({ removed, days: this.options.retentionDays }, 'question log purged');
    return removed;
  }

  /** Purges now and every hour after. */
  startPurging(): void {
    const run = () =>
      void this.purge().catch((err: unknown) => this.options.log?.error({ err }, 'question log purge failed'));
    run();
    this.#purgeTimer = setInterval(run, PURGE_EVERY_MS);
    this.#purgeTimer.unref();
  }

  /** Stops the timers and writes what waits. */
  async close(): Promise<void> {
    if (this.#purgeTimer) clearInterval(this.#purgeTimer);
    await this.flush();
  }
}

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { Migrator } from 'kysely';
import { migrationProvider, type Dialect } from './migrations.js';
import type { Database } from './schema.js';

/** Where the state lives: a SQLite file under `dataDir`, or PostgreSQL when `databaseUrl` is set. */
export interface StorageOptions {
  dataDir: string;
  databaseUrl: string | null;
}

/** One question as the log keeps it. `asker` is already a salted hash. */
export interface QuestionRow {
  id: string;
  askedAt: number;
  text: string;
  groupKey: string;
  command: string;
  story: string | null;
  status: string;
  entry: string | null;
  confidence: number;
  guildId: string | null;
  asker: string;
}

/** Questions that share a group key, counted over a time window. */
export interface QuestionGroup {
  groupKey: string;
  asks: number;
  lastAsked: number;
}

export interface Vote {
  answerId: string;
  voter: string;
  entry: string;
  story: string | null;
  helpful: boolean;
  at: number;
}

export interface EntryVotes {
  entry: string;
  story: string | null;
  notHelpful: number;
  helpful: number;
}

export interface ChangeRow {
  id: number;
  changedAt: number;
  kind: string;
  actorId: string;
  actorName: string;
  file: string;
  entries: string[];
  previousPath: string;
  undoes: number | null;
  undoneAt: number | null;
}
export type NewChange = Omit<ChangeRow, 'id' | 'undoneAt'>;

export const SQLITE_FILE = 'storybot.sqlite';

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => Math.floor(ms / DAY_MS);

/**
 * Everything storybot remembers, behind one narrow interface: the question log, feedback votes,
 * the history of knowledge changes, short-lived values and shared counters. The engine never
 * sees it; the dispatcher records, commands query. One code path for SQLite and PostgreSQL
 * (Kysely builds the SQL for each); the schema is migrated on open.
 */
export class Storage {
  private constructor(
    readonly db: Kysely<Database>,
    readonly dialect: Dialect,
  ) {}

  static async open({ dataDir, databaseUrl }: StorageOptions): Promise<Storage> {
    let storage: Storage;
    // Each driver is imported only when it is the one used: pg alone costs a console start about
    // 40 ms (it probes for a Cloudflare runtime, which loads Node's fetch), better-sqlite3 its addon.
    if (databaseUrl) {
      const { default: pg } = await import('pg');
      const pool = new pg.Pool({
        connectionString: databaseUrl,
        max: 4,
        // Times and counts are bigints; they fit a double for the next 285,000 years.
        types: { getTypeParser: (oid, format) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) },
      });
      // An idle connection the server ends (a restart, a failover, an administrator) is reported on the
      // pool; with no listener that would crash the bot. The pool drops it and connects anew on the
      // next query, whose own error (if the server is still gone) reaches its caller.
      pool.on('error', () => undefined);
      storage = new Storage(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
    } else {
      mkdirSync(dataDir, { recursive: true });
      const { default: BetterSqlite3 } = await import('better-sqlite3');
      const file = new BetterSqlite3(path.join(dataDir, SQLITE_FILE));
      // WAL: readers don't wait for the log writer; a crash mid-write loses nothing committed.
      file.pragma('journal_mode = WAL');
      file.pragma('synchronous = NORMAL');
      file.pragma('busy_timeout = 5000');
      storage = new Storage(new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) }), 'sqlite');
    }
    try {
      await storage.migrate();
    } catch (err) {
      await storage.close();
      throw err;
    }
    return storage;
  }

  private async migrate(): Promise<void> {
    const migrator = new Migrator({ db: this.db, provider: migrationProvider(this.dialect) });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
  }

  close(): Promise<void> {
    return this.db.destroy();
  }

  // --- the question log ---

  /** Adds questions to the log, and counts the unanswered ones into their day's groups, in one transaction. */
  async insertQuestions(rows: readonly QuestionRow[]): Promise<void> {
    if (!rows.length) return;
    await this.db.transaction().execute(async (trx) => {
      const fresh: QuestionRow[] = [];
      // Chunked: SQLite allows 32,766 bound values per statement; 12 columns a row.
      for (let i = 0; i < rows.length; i += 500) {
        const inserted = await trx
          .insertInto('questions')
          .values(
            rows.slice(i, i + 500).map((r) => ({
              id: r.id,
              asked_at: r.askedAt,
              text: r.text,
              group_key: r.groupKey,
              command: r.command,
              story: r.story,
              status: r.status,
              unanswered: r.status === 'answered' ? 0 : 1,
              entry: r.entry,
              confidence: r.confidence,
              guild_id: r.guildId,
              asker: r.asker,
            })),
          )
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .execute();
        // A question logged twice (the same id) is counted once.
        const ids = new Set(inserted.map((r) => r.id));
        for (const r of rows.slice(i, i + 500)) if (ids.has(r.id)) fresh.push(r);
      }
      const days = new Map<string, { day: number; group_key: string; asks: number; last_asked: number }>();
      for (const r of fresh) {
        if (r.status === 'answered') continue;
        const day = dayOf(r.askedAt);
        const key = `${day} ${r.groupKey}`;
        const d = days.get(key);
        if (d) {
          d.asks += 1;
          d.last_asked = Math.max(d.last_asked, r.askedAt);
        } else days.set(key, { day, group_key: r.groupKey, asks: 1, last_asked: r.askedAt });
      }
      const counts = [...days.values()];
      for (let i = 0; i < counts.length; i += 2000) {
        await trx
          .insertInto('question_days')
          .values(counts.slice(i, i + 2000))
          .onConflict((oc) =>
            oc.columns(['day', 'group_key']).doUpdateSet({
              asks: sql<number>`${sql.ref('question_days.asks')} + excluded.asks`,
              last_asked: sql<number>`case when excluded.last_asked > ${sql.ref('question_days.last_asked')} then excluded.last_asked else ${sql.ref('question_days.last_asked')} end`,
            }),
          )
          .execute();
      }
    });
  }

  /**
   * Deletes questions asked before `before` (epoch ms); returns how many. In chunks, yielding
   * between them: SQLite deletes synchronously, and a long purge must not stall answers.
   */
  async purgeQuestions(before: number, chunk = 2000): Promise<number> {
    let total = 0;
    for (;;) {
      const result = await this.db
        .deleteFrom('questions')
        .where('id', 'in', (eb) => eb.selectFrom('questions').select('id').where('asked_at', '<', before).limit(chunk))
        .executeTakeFirst();
      const removed = Number(result.numDeletedRows);
      total += removed;
      if (removed < chunk) {
        // The per-day counts go with the days they count; the day `before` falls in stays whole.
        await this.db.deleteFrom('question_days').where('day', '<', dayOf(before)).execute();
        return total;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * The unanswered questions asked since `since`, grouped by key, most asked first. Whole days
   * come from the per-day counts; only the part of the first day inside the window is counted
   * from the log itself, so the cost grows with days and groups, not with questions.
   */
  async unansweredGroups(since: number, limit: number): Promise<QuestionGroup[]> {
    const firstWholeDay = dayOf(since) + 1;
    const [whole, partial] = await Promise.all([
      this.db
        .selectFrom('question_days')
        .select((eb) => ['group_key', eb.fn.sum<number>('asks').as('asks'), eb.fn.max('last_asked').as('last_asked')])
        .where('day', '>=', firstWholeDay)
        .groupBy('group_key')
        .orderBy('asks', 'desc')
        .orderBy('last_asked', 'desc')
        .limit(limit * 5)
        .execute(),
      this.db
        .selectFrom('questions')
        .select((eb) => ['group_key', eb.fn.countAll<number>().as('asks'), eb.fn.max('asked_at').as('last_asked')])
        .where('unanswered', '=', 1)
        .where('asked_at', '>=', since)
        .where('asked_at', '<', firstWholeDay * DAY_MS)
        .groupBy('group_key')
        .execute(),
    ]);
    const groups = new Map<string, QuestionGroup>();
    for (const g of [...whole, ...partial]) {
      const seen = groups.get(g.group_key);
      const asks = Number(g.asks);
      const lastAsked = Number(g.last_asked);
      if (seen) {
        seen.asks += asks;
        seen.lastAsked = Math.max(seen.lastAsked, lastAsked);
      } else groups.set(g.group_key, { groupKey: g.group_key, asks, lastAsked });
    }
    return [...groups.values()].sort((a, b) => b.asks - a.asks || b.lastAsked - a.lastAsked).slice(0, limit);
  }

  /** How many members asked any of these groups since `since`, and the latest wording. */
  async groupDetails(keys: readonly string[], since: number): Promise<{ askers: number; text: string }> {
    const [askers, latest] = await Promise.all([
      this.db
        .selectFrom('questions')
        .select((eb) => eb.fn.count<number>('asker').distinct().as('n'))
        .where('group_key', 'in', keys)
        .where('unanswered', '=', 1)
        .where('asked_at', '>=', since)
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('questions')
        .select('text')
        .where('group_key', 'in', keys)
        .where('unanswered', '=', 1)
        .where('asked_at', '>=', since)
        .orderBy('asked_at', 'desc')
        .limit(1)
        .executeTakeFirst(),
    ]);
    return { askers: Number(askers.n), text: latest?.text ?? keys[0] ?? '' };
  }

  async countQuestions(): Promise<number> {
    const row = await this.db
      .selectFrom('questions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // --- feedback ---

  /** One vote per voter per answer: a second vote replaces the first. Returns the vote it replaced. */
  async vote(v: Vote): Promise<{ previous: boolean | null }> {
    return this.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('votes')
        .select('helpful')
        .where('answer_id', '=', v.answerId)
        .where('voter', '=', v.voter)
        .executeTakeFirst();
      const helpful = v.helpful ? 1 : 0;
      await trx
        .insertInto('votes')
        .values({ answer_id: v.answerId, voter: v.voter, entry: v.entry, story: v.story, helpful, voted_at: v.at })
        .onConflict((oc) => oc.columns(['answer_id', 'voter']).doUpdateSet({ helpful, voted_at: v.at }))
        .execute();
      return { previous: before ? before.helpful === 1 : null };
    });
  }

  /** Entries with the most "Not helpful" votes since `since`. */
  async entriesByNotHelpful(since: number, limit: number): Promise<EntryVotes[]> {
    const rows = await this.db
      .selectFrom('votes')
      .select((eb) => [
        'entry',
        eb.fn.max('story').as('story'),
        eb.fn.sum<number>(eb.case().when('helpful', '=', 0).then(1).else(0).end()).as('not_helpful'),
        eb.fn.sum<number>('helpful').as('helpful'),
      ])
      .where('voted_at', '>=', since)
      .groupBy('entry')
      .having((eb) => eb.fn.sum(eb.case().when('helpful', '=', 0).then(1).else(0).end()), '>', 0)
      .orderBy('not_helpful', 'desc')
      .orderBy('entry')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      entry: r.entry,
      story: r.story,
      notHelpful: Number(r.not_helpful),
      helpful: Number(r.helpful),
    }));
  }

  // --- the history of knowledge changes ---

  async recordChange(c: NewChange): Promise<number> {
    const row = await this.db
      .insertInto('knowledge_changes')
      .values({
        changed_at: c.changedAt,
        kind: c.kind,
        actor_id: c.actorId,
        actor_name: c.actorName,
        file: c.file,
        entries: c.entries.join(','),
        previous_path: c.previousPath,
        undoes: c.undoes,
        undone_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  /** The latest changes, newest first. */
  async changes(limit: number): Promise<ChangeRow[]> {
    const rows = await this.db.selectFrom('knowledge_changes').selectAll().orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => ({
      id: Number(r.id),
      changedAt: Number(r.changed_at),
      kind: r.kind,
      actorId: r.actor_id,
      actorName: r.actor_name,
      file: r.file,
      entries: r.entries ? r.entries.split(',') : [],
      previousPath: r.previous_path,
      undoes: r.undoes === null ? null : Number(r.undoes),
      undoneAt: r.undone_at === null ? null : Number(r.undone_at),
    }));
  }

  async change(id: number): Promise<ChangeRow | undefined> {
    return (await this.changes(Number.MAX_SAFE_INTEGER)).find((c) => c.id === id);
  }

  async markUndone(id: number, at: number): Promise<void> {
    await this.db.updateTable('knowledge_changes').set({ undone_at: at }).where('id', '=', id).execute();
  }

  // --- short-lived values (conversation context) ---

  async setValue(key: string, value: string, ttlMs: number, now = Date.now()): Promise<void> {
    const expires_at = now + ttlMs;
    await this.db
      .insertInto('kv')
      .values({ key, value, expires_at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, expires_at }))
      .execute();
  }

  async getValue(key: string, now = Date.now()): Promise<string | null> {
    const row = await this.db
      .selectFrom('kv')
      .select('value')
      .where('key', '=', key)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row?.value ?? null;
  }

  /**
   * Sets `key` only if it has no value that is still current; true when this call set it. Atomic
   * (one statement), so of several instances claiming the same key at once exactly one gets true:
   * a message the gateway delivers twice, or to two copies of the bot, is answered once.
   */
  async claimValue(key: string, value: string, ttlMs: number, now = Date.now()): Promise<boolean> {
    const expires_at = now + ttlMs;
    const row = await this.db
      .insertInto('kv')
      .values({ key, value, expires_at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, expires_at }).where('kv.expires_at', '<=', now))
      .returning('key')
      .executeTakeFirst();
    return row !== undefined;
  }

  async deleteValue(key: string): Promise<void> {
    await this.db.deleteFrom('kv').where('key', '=', key).execute();
  }

  async purgeValues(now = Date.now()): Promise<number> {
    const result = await this.db.deleteFrom('kv').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  // --- channel pins ---

  /** Every pinned channel and its story. */
  async pins(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('pins').select(['channel_id', 'story']).execute();
    return new Map(rows.map((r) => [r.channel_id, r.story]));
  }

  /** Pins a channel to a story, replacing any pin it had. */
  async pin(channelId: string, story: string, at = Date.now()): Promise<void> {
    await this.db
      .insertInto('pins')
      .values({ channel_id: channelId, story, pinned_at: at })
      .onConflict((oc) => oc.column('channel_id').doUpdateSet({ story, pinned_at: at }))
      .execute();
  }

  /** Unpins a channel; false when it had no pin. */
  async unpin(channelId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('pins').where('channel_id', '=', channelId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  // --- shared counters (cooldowns across instances) ---

  /**
   * Counts one hit on `key` in a fixed window of `windowMs`, atomically, and returns the count
   * in the current window and when that window started.
   */
  async hit(key: string, windowMs: number, now = Date.now()): Promise<{ count: number; windowStart: number }> {
    const expired = sql<boolean>`${sql.ref('counters.window_start')} <= ${now - windowMs}`;
    const row = await this.db
      .insertInto('counters')
      .values({ key, window_start: now, count: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql<number>`case when ${expired} then 1 else ${sql.ref('counters.count')} + 1 end`,
          window_start: sql<number>`case when ${expired} then ${now} else ${sql.ref('counters.window_start')} end`,
        }),
      )
      .returning(['count', 'window_start'])
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), windowStart: Number(row.window_start) };
  }
}

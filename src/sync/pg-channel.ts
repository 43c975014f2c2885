import pg from 'pg';
import type { Logger } from '../logger.js';
import type { VersionChannel } from './knowledge-sync.js';

const CHANNEL = 'storybot_knowledge';
const RECONNECT_MS = { first: 250, max: 2000 };

/**
 * Knowledge versions over PostgreSQL: `NOTIFY` reaches every listening copy at once, and one row
 * keeps the latest version for copies that start, or reconnect, after it was sent. The LISTEN
 * connection is a client of its own (a pooled connection cannot hold a LISTEN); publishing and
 * health checks use a small pool.
 */
export class PgVersionChannel implements VersionChannel {
  readonly #url: string;
  readonly #log: Logger;
  readonly #pool: pg.Pool;
  #listener: pg.Client | null = null;
  #listeners: ((version: string) => void)[] = [];
  #closed = false;
  #retryMs = RECONNECT_MS.first;
  #ready: Promise<void> | null = null;

  constructor(url: string, log: Logger) {
    this.#url = url;
    this.#log = log;
    this.#pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 2000, query_timeout: 2000 });
    // An idle pooled connection that dies (the server restarts) must not take the process down.
    this.#pool.on('error', (err) => log.warn({ err: err.message }, 'database connection lost (pool)'));
  }

  /** Creates the version table when missing; safe when several copies start at once. */
  static async prepare(client: pg.Client): Promise<void> {
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS storybot_knowledge_version (
           id smallint PRIMARY KEY CHECK (id = 1),
           version text NOT NULL,
           changed_at timestamptz NOT NULL DEFAULT now())`,
      );
    } catch (err) {
      // Two copies creating it at the same moment: the loser sees a duplicate; the table exists.
      const code = (err as { code?: string }).code;
      if (code !== '23505' && code !== '42P07') throw err;
    }
  }

  async publish(version: string): Promise<void> {
    await this.#pool.query(
      `WITH saved AS (
         INSERT INTO storybot_knowledge_version (id, version) VALUES (1, $1)
         ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, changed_at = now())
       SELECT pg_notify('${CHANNEL}', $1)`,
      [version],
    );
  }

  subscribe(listener: (version: string) => void): void {
    this.#listeners.push(listener);
    this.#ready ??= this.#connect();
  }

  /** Resolves once the first LISTEN is in place (or failed and is being retried). */
  listening(): Promise<void> {
    return this.#ready ?? Promise.resolve();
  }

  async check(): Promise<string | null> {
    if (!this.#listener) return 'database unreachable: not listening for knowledge changes';
    try {
      await this.#pool.query('SELECT 1');
      return null;
    } catch (err) {
      return `database unreachable: ${(err as Error).message}`;
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.allSettled([this.#listener?.end(), this.#pool.end()]);
    this.#listener = null;
  }

  async #connect(): Promise<void> {
    if (this.#closed) return;
    const client = new pg.Client({ connectionString: this.#url, connectionTimeoutMillis: 2000 });
    let gone = false;
    const lost = (why: string) => {
      if (gone) return;
      gone = true;
      if (this.#listener === client) this.#listener = null;
      client.removeAllListeners();
      client.on('error', () => {});
      void client.end().catch(() => undefined);
      if (this.#closed) return;
      this.#log.warn({ why, retryMs: this.#retryMs }, 'knowledge change channel lost; reconnecting');
      setTimeout(() => void this.#connect(), this.#retryMs).unref();
      this.#retryMs = Math.min(this.#retryMs * 2, RECONNECT_MS.max);
    };
    try {
      client.on('error', (err) => lost(err.message));
      client.on('end', () => lost('connection ended'));
      client.on('notification', (msg) => {
        if (msg.channel === CHANNEL && msg.payload) this.#deliver(msg.payload);
      });
      await client.connect();
      await PgVersionChannel.prepare(client);
      await client.query(`LISTEN ${CHANNEL}`);
      this.#listener = client;
      this.#retryMs = RECONNECT_MS.first;
      // Whatever was announced while this copy was not listening.
      const { rows } = await client.query<{ version: string }>(
        'SELECT version FROM storybot_knowledge_version WHERE id = 1',
      );
      if (rows[0]) this.#deliver(rows[0].version);
    } catch (err) {
      lost((err as Error).message);
    }
  }

  #deliver(version: string): void {
    for (const listener of this.#listeners) listener(version);
  }
}

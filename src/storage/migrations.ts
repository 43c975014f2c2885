import type { Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely';

/**
 * Schema changes, in order, written once in Kysely's builder so both SQLite and PostgreSQL get
 * them. Never edit a shipped migration: add the next one.
 */
function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '001-initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('questions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('asked_at', 'bigint', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('group_key', 'text', (c) => c.notNull())
          .addColumn('command', 'text', (c) => c.notNull())
          .addColumn('story', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('unanswered', 'integer', (c) => c.notNull())
          .addColumn('entry', 'text')
          .addColumn('confidence', 'double precision', (c) => c.notNull())
          .addColumn('guild_id', 'text')
          .addColumn('asker', 'text', (c) => c.notNull())
          .execute();
        // /unanswered reads a time window of unanswered rows grouped by key: this index covers it.
        await db.schema
          .createIndex('questions_unanswered')
          .on('questions')
          .columns(['unanswered', 'asked_at', 'group_key', 'asker'])
          .execute();
        // The latest wording of a group.
        await db.schema.createIndex('questions_group').on('questions').columns(['group_key', 'asked_at']).execute();
        // The purge deletes by age.
        await db.schema.createIndex('questions_asked_at').on('questions').column('asked_at').execute();

        await db.schema
          .createTable('question_days')
          .addColumn('day', 'integer', (c) => c.notNull())
          .addColumn('group_key', 'text', (c) => c.notNull())
          .addColumn('asks', 'integer', (c) => c.notNull())
          .addColumn('last_asked', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('question_days_pk', ['day', 'group_key'])
          .execute();

        await db.schema
          .createTable('votes')
          .addColumn('answer_id', 'text', (c) => c.notNull())
          .addColumn('voter', 'text', (c) => c.notNull())
          .addColumn('entry', 'text', (c) => c.notNull())
          .addColumn('story', 'text')
          .addColumn('helpful', 'integer', (c) => c.notNull())
          .addColumn('voted_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('votes_pk', ['answer_id', 'voter'])
          .execute();
        await db.schema.createIndex('votes_voted_at').on('votes').columns(['voted_at', 'helpful', 'entry']).execute();

        await db.schema
          .createTable('knowledge_changes')
          // SQLite numbers an integer primary key by itself; PostgreSQL needs to be asked.
          .addColumn('id', 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey(),
          )
          .addColumn('changed_at', 'bigint', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('actor_id', 'text', (c) => c.notNull())
          .addColumn('actor_name', 'text', (c) => c.notNull())
          .addColumn('file', 'text', (c) => c.notNull())
          .addColumn('entries', 'text', (c) => c.notNull())
          .addColumn('previous_path', 'text', (c) => c.notNull())
          .addColumn('undoes', 'integer')
          .addColumn('undone_at', 'bigint')
          .execute();

        await db.schema
          .createTable('kv')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('counters')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('window_start', 'bigint', (c) => c.notNull())
          .addColumn('count', 'integer', (c) => c.notNull())
          .execute();
      },
    },
    '002-pins': {
      async up(db: Kysely<unknown>) {
        // Which story a channel's questions go to first (/story pin): one row per pinned channel.
        await db.schema
          .createTable('pins')
          .addColumn('channel_id', 'text', (c) => c.primaryKey())
          .addColumn('story', 'text', (c) => c.notNull())
          .addColumn('pinned_at', 'bigint', (c) => c.notNull())
          .execute();
      },
    },
  };
}

export type Dialect = 'sqlite' | 'postgres';

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: () => Promise.resolve(migrations(dialect)) };
}

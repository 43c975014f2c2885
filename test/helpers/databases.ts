import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { StorageOptions } from '../../src/storage/storage.js';

/** A fresh, empty place to keep state: a temporary DATA_DIR, and a new database when on PostgreSQL. */
export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  options(): Promise<StorageOptions & { cleanup(): Promise<void> }>;
}

let counter = 0;

async function freshPostgres(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `storybot_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** SQLite always; PostgreSQL too when the global setup provided a server. */
export function testDatabases(): TestDatabase[] {
  const pgUrl = inject('postgresUrl');
  const list: TestDatabase[] = [
    {
      name: 'sqlite',
      options: async () => {
        const dataDir = mkdtempSync(path.join(tmpdir(), 'storybot-data-'));
        return { dataDir, databaseUrl: null, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
      },
    },
  ];
  if (pgUrl) {
    list.push({
      name: 'postgres',
      options: async () => {
        const dataDir = mkdtempSync(path.join(tmpdir(), 'storybot-data-'));
        const db = await freshPostgres(pgUrl);
        return {
          dataDir,
          databaseUrl: db.url,
          cleanup: async () => {
            await db.drop();
            rmSync(dataDir, { recursive: true, force: true });
          },
        };
      },
    });
  }
  return list;
}

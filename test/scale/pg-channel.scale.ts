import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type Postgres } from '../../scripts/scale-cluster.js';
import { createLogger } from '../../src/logger.js';
import { PgVersionChannel } from '../../src/sync/pg-channel.js';

/** The knowledge-version channel against a real PostgreSQL server: what every copy relies on. */
let db: Postgres;
const channels: PgVersionChannel[] = [];
const log = createLogger({ level: 'silent' });

beforeAll(async () => {
  db = await startPostgres();
});
afterAll(async () => {
  await Promise.all(channels.map((c) => c.close()));
  await db?.stop();
});

function open(): { channel: PgVersionChannel; heard: string[] } {
  const channel = new PgVersionChannel(db.url, log);
  channels.push(channel);
  const heard: string[] = [];
  channel.subscribe((v) => heard.push(v));
  return { channel, heard };
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the knowledge version channel on PostgreSQL', () => {
  it('delivers a version announced by one copy to every listening copy', async () => {
    const a = open();
    const b = open();
    await Promise.all([a.channel.listening(), b.channel.listening()]);
    await a.channel.publish('aaaaaaaaaaaa');
    await until('b hears it', () => b.heard.includes('aaaaaaaaaaaa'));
    await until('a hears its own', () => a.heard.includes('aaaaaaaaaaaa'));
  });

  it('gives a copy that starts later the latest version announced', async () => {
    const a = open();
    await a.channel.listening();
    await a.channel.publish('bbbbbbbbbbbb');
    const late = open();
    await late.channel.listening();
    await until('the late copy hears the latest', () => late.heard.at(-1) === 'bbbbbbbbbbbb');
  });

  it('says the database is unreachable while it is down, and listens again once it is back', async () => {
    const a = open();
    const b = open();
    await Promise.all([a.channel.listening(), b.channel.listening()]);
    expect(await b.channel.check()).toBeNull();
    await db.down();
    expect(await b.channel.check()).toMatch(/^database unreachable/);
    await db.up();
    // The crash cut the LISTEN connections: each copy notices and reconnects by itself.
    await until('b reconnects', async () => (await b.channel.check()) === null, 10_000);
    await until('a reconnects', async () => (await a.channel.check()) === null, 10_000);
    await a.channel.publish('cccccccccccc');
    await until('b hears after the restart', () => b.heard.includes('cccccccccccc'));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startCopy,
  startNginx,
  startPostgres,
  type Copy,
  type Nginx,
  type Postgres,
} from '../../scripts/scale-cluster.js';
import { FakeDiscord, MODERATOR_PERMISSIONS } from '../../src/testing/fake-discord.js';
import { DiscordSigner, payloads, postInteraction } from '../helpers/discord-http.js';
import { copyKnowledge, QA } from '../helpers/knowledge.js';

/**
 * Two copies of the bot, as separate node processes in HTTP mode, behind nginx round robin, sharing
 * one knowledge folder and a real PostgreSQL server. Everything listens on 127.0.0.1 and every loop
 * here is bounded.
 */
let db: Postgres;
let fake: FakeDiscord;
let scratch: Awaited<ReturnType<typeof copyKnowledge>>;
let copies: Copy[] = [];
let lb: Nginx;
const signer = new DiscordSigner();
let users = 0;
const member = () => ({ user: { id: String(900000000000700000n + BigInt(++users)) } });

beforeAll(async () => {
  [db, fake, scratch] = await Promise.all([startPostgres(), FakeDiscord.start(), copyKnowledge()]);
  const env = {
    DISCORD_PUBLIC_KEY: signer.publicKeyHex,
    DATABASE_URL: db.url,
    KNOWLEDGE_DIR: scratch.dir,
    DISCORD_API_URL: fake.apiUrl,
  };
  copies = await Promise.all([startCopy(env), startCopy(env)]);
  lb = await startNginx(copies.map((c) => c.port));
});

afterAll(async () => {
  await lb?.stop();
  await Promise.all(copies.map((c) => c.stop()));
  await Promise.all([db?.stop(), fake?.stop(), scratch?.remove()]);
});

const through = (port: number, payload: object) =>
  postInteraction(`http://127.0.0.1:${port}/interactions`, signer, payload);
const ask = (port: number, question: string) => through(port, payloads.command('ask', { question }, member()));
const health = async (port: number) => (await fetch(`http://127.0.0.1:${port}/healthz`)).json() as Promise<any>;
async function answeredBy(copy: Copy): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${copy.port}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('storybot_interactions_total{kind="command",command="ask"'));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('two copies behind nginx', () => {
  it('share the requests round robin, each answering with its evidence', async () => {
    const before = await Promise.all(copies.map(answeredBy));
    for (let i = 0; i < 10; i++) {
      const r = await ask(lb.port, 'who is leading the talks?');
      expect(r.status).toBe(200);
      expect(r.body.data.embeds[0].fields[0].name).toBe('Line 2 · CNN');
    }
    const after = await Promise.all(copies.map(answeredBy));
    const served = after.map((n, i) => n - before[i]!);
    expect(served).toEqual([5, 5]);
  });

  it('both report healthy, on the same knowledge version, with the database reachable', async () => {
    const reports = await Promise.all(copies.map((c) => health(c.port)));
    for (const r of reports) expect(r).toMatchObject({ ok: true, database: 'ok' });
    expect(reports[0].knowledge.version).toBe(reports[1].knowledge.version);
  });

  it('a /refresh through one copy changes the answers of both within 5 s', async () => {
    await scratch.edit(QA, (t) =>
      t.replace('answer: CNN said the effort marks', 'answer: According to CNN, the effort marks'),
    );
    const question = 'how significant is this';
    for (const c of copies) expect((await ask(c.port, question)).body.data.embeds[0].description).toMatch(/^CNN said/);

    const r = await through(
      lb.port,
      payloads.command('refresh', {}, { ...member(), permissions: MODERATOR_PERMISSIONS }),
    );
    expect(r.body.type).toBe(5);
    await fake.waitFor((q) => q.method === 'PATCH' && /Edited \(1\): significance/.test(JSON.stringify(q.body)));
    const refreshed = performance.now();

    // Each copy asked directly, bypassing nginx, until it gives the new answer: at most 5 s.
    const lags = await Promise.all(
      copies.map(async (c) => {
        while (performance.now() - refreshed < 5000) {
          const a = await ask(c.port, question);
          if (/^According to CNN/.test(a.body.data.embeds[0].description)) return performance.now() - refreshed;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return Infinity;
      }),
    );
    console.log(`refresh reached both copies in ${lags.map((l) => `${Math.round(l)} ms`).join(' and ')}`);
    expect(Math.max(...lags)).toBeLessThan(5000);
    const reports = await Promise.all(copies.map((c) => health(c.port)));
    expect(reports[0].knowledge.version).toBe(reports[1].knowledge.version);
  });

  it('killing one copy mid-run loses no request: nginx passes them to the other', async () => {
    const total = 200;
    const concurrency = 8;
    const statuses: number[] = [];
    let sent = 0;
    let killed = false;
    const worker = async () => {
      while (sent < total) {
        sent++;
        if (sent === total / 4 && !killed) {
          killed = true;
          copies[1]!.process.kill('SIGKILL');
        }
        const r = await ask(lb.port, 'who is leading the talks?');
        statuses.push(r.status === 200 && r.body.type === 4 ? 200 : r.status);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    expect(killed).toBe(true);
    expect(statuses).toHaveLength(total);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });

  it('a copy reports 503 with the reason when the database goes away', async () => {
    await db.stop();
    const res = await fetch(`http://127.0.0.1:${copies[0]!.port}/healthz`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as any).reasons[0]).toMatch(/^database unreachable/);
  });
});

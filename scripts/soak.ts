/**
 * npm run soak: answer latency while a 40,000-entry refresh runs, through the real code path:
 * the real discord.js client and bot against the fake Discord on 127.0.0.1, a moderator's
 * /refresh, and /who probes sent every 20 ms meanwhile. Latency is measured from when each
 * probe was due, so probes that could not even be sent while the bot was busy count as waiting.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readConfig } from '../src/config.js';
import { createBot } from '../src/discord/bot.js';
import { commands } from '../commands/index.js';
import { Dispatcher } from '../src/dispatch/dispatcher.js';
import { generateKnowledge } from '../src/evaluation/generate.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { createLogger } from '../src/logger.js';
import { FakeDiscord, MODERATOR_PERMISSIONS, TOKEN } from '../src/testing/fake-discord.js';
import { loadKnowledgeOrExit, writeKnowledge } from './shared.js';

const ENTRIES = Number(process.env.SOAK_ENTRIES ?? 40_000);
const PROBE_EVERY_MS = 20;
const root = path.resolve(import.meta.dirname, '..');
const QA = 'stories/ukraine-peace-push/qa.yaml';

const shipped = await loadKnowledgeOrExit(path.join(root, 'knowledge'));
const big = await writeKnowledge(generateKnowledge(shipped, ENTRIES));
const serving = await mkdtemp(path.join(tmpdir(), 'storybot-soak-'));
await cp(path.join(root, 'knowledge'), serving, { recursive: true });

const fake = await FakeDiscord.start();
const config = readConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl }, { dotenv: false });
const store = await KnowledgeStore.open(serving);
const bot = await createBot({
  config,
  discord: config.discord!,
  // No cooldown: the probes measure latency, not the rate limit.
  dispatcher: new Dispatcher({ store, commands, rate: null }),
  log: createLogger({ level: 'silent' }),
});

const mb = (n: number) => Math.round(n / 1024 / 1024);
let peakRss = process.memoryUsage().rss;
const rssBefore = peakRss;
const samples: number[] = [];
const pending: Promise<void>[] = [];
let user = 0;
function probe(due: number): void {
  const id = String(900000000000800000n + BigInt(++user));
  pending.push(
    fake.command('who', { name: 'witkoff' }, { user: { id } }).then(
      () => void samples.push(performance.now() - due),
      () => void samples.push(Infinity), // no answer within the fake's 5 s: counted, as "over 5 s"
    ),
  );
}

try {
  // Warm up the answering path before measuring.
  for (let i = 0; i < 20; i++) await fake.command('who', { name: 'witkoff' }, { user: { id: `9000000000009000${i}` } });

  await cp(path.join(big, QA), path.join(serving, QA));
  const started = performance.now();
  let next = started;
  const timer = setInterval(() => {
    // Every probe that fell due, including those due while the bot was too busy to send them.
    for (; next <= performance.now(); next += PROBE_EVERY_MS) probe(next);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, PROBE_EVERY_MS / 2);
  const done = fake.waitFor((r) => r.method === 'PATCH' && /\/messages\/(@|%40)original$/.test(r.path), 120_000);
  await fake.command('refresh', {}, { permissions: MODERATOR_PERMISSIONS, user: { id: '900000000000899999' } });
  const reply = await done;
  const refreshMs = performance.now() - started;
  clearInterval(timer);
  await Promise.all(pending);

  const sorted = [...samples].sort((a, b) => a - b);
  const lost = samples.filter((x) => x === Infinity).length;
  const show = (x: number) => (x === Infinity ? 'over 5000 ms' : `${x.toFixed(1)} ms`);
  const answered = sorted.filter((x) => x !== Infinity);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const text = JSON.stringify(reply.body).slice(0, 160);
  console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
  console.log(
    `refresh to ${store.current.knowledge.entries.length} entries: ${(refreshMs / 1000).toFixed(1)} s (${text})`,
  );
  console.log(
    `/who answers during the refresh (${samples.length} probes, one due every ${PROBE_EVERY_MS} ms; ${lost} unanswered after 5 s):`,
  );
  console.log(
    `  p50 ${show(at(0.5))}   p99 ${show(at(0.99))}   max answered ${show(answered.at(-1) ?? Infinity)}   (target: p99 < 100 ms)`,
  );
  console.log(`RSS ${mb(rssBefore)} MB before, ${mb(peakRss)} MB at most during the refresh`);
} finally {
  await bot.stop();
  await fake.stop();
  await rm(big, { recursive: true, force: true });
  await rm(serving, { recursive: true, force: true });
}

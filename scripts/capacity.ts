/**
 * npm run capacity: how the bot holds up as interactions arrive faster. The bot runs as in
 * production (`node dist/bundle/main.js`, its own process, real discord.js client) against the fake
 * Discord on 127.0.0.1, which offers /ask interactions at each rate for a few seconds. For each
 * rate: interactions answered and told "busy" per second, latency from when each was due to its
 * callback (p50, p99), and the bot's peak resident memory (VmHWM). Offered rates with
 * CAPACITY_RATES=500,1000,... and seconds per rate with CAPACITY_SECONDS; BENCH_MAIN=dist/src/main.js
 * runs the tsc build instead of the bundle, to compare the two.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BUSY } from '../src/dispatch/dispatcher.js';
import { FakeDiscord, TOKEN } from '../src/testing/fake-discord.js';

const root = path.resolve(import.meta.dirname, '..');
const RATES = (process.env.CAPACITY_RATES ?? '500,1000,1500,2000,3000').split(',').map(Number);
const SECONDS = Number(process.env.CAPACITY_SECONDS ?? 5);
const TICK_MS = 5;
const QUESTIONS = ['who is leading the talks?', 'when did driscoll arrive in kyiv', 'what did peskov say', 'summary'];

export interface CapacityRow {
  offered: number;
  answered: number;
  busy: number;
  dropped: number;
  p50: number;
  p99: number;
  peakMb: number;
}

async function memory(pid: number): Promise<{ rss: number; hwm: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

export async function measureCapacity(rates = RATES, seconds = SECONDS): Promise<CapacityRow[]> {
  const fake = await FakeDiscord.start({ record: false });
  const bot = spawn(process.execPath, [path.join(root, process.env.BENCH_MAIN ?? 'dist/bundle/main.js')], {
    cwd: root,
    env: { PATH: process.env.PATH, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'info' },
    // Its log lines go where production sends them, to a file or a collector: here, nowhere.
    stdio: 'ignore',
  });
  const rows: CapacityRow[] = [];
  let user = 0;
  try {
    while (fake.identified === 0) await sleep(20);
    await sleep(300);
    const ask = async (due: number) => {
      const id = String(900000000000000000n + BigInt(++user % 50_000)); // many members: no cooldown
      const callback = fake.command('ask', { question: QUESTIONS[user % QUESTIONS.length]! }, { user: { id } });
      // Discord gives up on an interaction after 3 s; one not answered within 5 s was dropped.
      const reply = await Promise.race([callback, sleep(5000, undefined)]);
      if (!reply) return { ms: Infinity, busy: false, dropped: true };
      return { ms: performance.now() - due, busy: reply.body?.data?.content === BUSY, dropped: false };
    };
    for (let i = 0; i < 200; i++) await ask(performance.now()); // warm up
    for (const rate of rates) {
      const pending: Promise<{ ms: number; busy: boolean; dropped: boolean }>[] = [];
      const started = performance.now();
      let sent = 0;
      let peakRss = 0;
      while (performance.now() - started < seconds * 1000) {
        const due = Math.floor(((performance.now() - started) / 1000) * rate);
        for (; sent < due; sent++) pending.push(ask(started + (sent / rate) * 1000));
        peakRss = Math.max(peakRss, (await memory(bot.pid!)).rss);
        await sleep(TICK_MS);
      }
      const results = await Promise.all(pending);
      const elapsed = (performance.now() - started) / 1000;
      const answered = results
        .filter((r) => !r.busy && !r.dropped)
        .map((r) => r.ms)
        .sort((a, b) => a - b);
      const dropped = results.filter((r) => r.dropped).length;
      const at = (q: number) => answered[Math.min(answered.length - 1, Math.floor(q * answered.length))] ?? NaN;
      peakRss = Math.max(peakRss, (await memory(bot.pid!)).rss);
      rows.push({
        offered: rate,
        answered: answered.length / elapsed,
        busy: (results.length - answered.length - dropped) / elapsed,
        dropped: dropped / elapsed,
        p50: at(0.5),
        p99: at(0.99),
        peakMb: peakRss,
      });
      await sleep(1000); // let the bot settle between rates
    }
  } finally {
    bot.kill('SIGTERM');
    await new Promise((resolve) => bot.once('exit', resolve));
    await fake.stop();
  }
  return rows;
}

export function printCapacity(rows: readonly CapacityRow[]): void {
  console.log('  offered/s   answered/s   busy/s   dropped/s   p50 answered   p99 answered   bot RSS peak');
  for (const r of rows) {
    console.log(
      `  ${String(r.offered).padStart(9)}   ${r.answered.toFixed(0).padStart(10)}   ${r.busy.toFixed(0).padStart(6)}   ${r.dropped.toFixed(0).padStart(9)}   ${`${r.p50.toFixed(1)} ms`.padStart(12)}   ${`${r.p99.toFixed(1)} ms`.padStart(12)}   ${`${r.peakMb.toFixed(0)} MB`.padStart(12)}`,
    );
  }
  const crossing = rows.find((r) => r.p99 > 100);
  console.log(
    `  p99 first over 100 ms at: ${crossing ? `${crossing.offered}/s offered` : 'none of the rates offered'}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`node ${process.version}; the bot as built (dist/), ${SECONDS} s per rate`);
  printCapacity(await measureCapacity());
}

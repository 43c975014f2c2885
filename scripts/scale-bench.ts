/**
 * The HTTP-mode part of `npm run bench`: throughput and latency of signed interactions (/ask, /who,
 * /when, /source with the evaluation questions), for one copy of the bot and for two copies behind
 * nginx, side by side, measured with autocannon on 127.0.0.1. Each run is bounded in time.
 */
import autocannon from 'autocannon';
import { existsSync } from 'node:fs';
import { postgresInstalled, startCopy, startNginx, startPostgres, type Copy } from './scale-cluster.js';
import { commands } from '../commands/index.js';
import { DiscordSigner, payloads } from '../test/helpers/discord-http.js';

interface Row {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  failed: number;
}

export async function benchHttp(
  questions: readonly { lookup: string; text: string }[],
  seconds: number,
): Promise<void> {
  console.log(`\nHTTP interactions mode, ${seconds} s per run, 16 connections (autocannon on 127.0.0.1)`);
  if (!existsSync('/usr/sbin/nginx') || !postgresInstalled()) {
    console.log('  skipped: needs nginx and PostgreSQL from Debian packages (`npm run test:scale` installs them)');
    return;
  }
  const signer = new DiscordSigner();
  // One member per request: the per-member cooldown (5 per 10 s) would otherwise answer most of them.
  const bodies = Array.from({ length: 40_000 }, (_, i) => {
    const q = questions[i % questions.length]!;
    const option = commands.find((c) => c.name === q.lookup)?.options[0]?.name ?? 'question';
    const user = { id: String(900000000001000000n + BigInt(i)) };
    const body = JSON.stringify(payloads.command(q.lookup, { [option]: q.text }, { user }));
    return { body, headers: signer.headers(body) };
  });
  const db = await startPostgres();
  const copies: Copy[] = [];
  try {
    const env = { DISCORD_PUBLIC_KEY: signer.publicKeyHex, DATABASE_URL: db.url };
    copies.push(await startCopy(env));
    let next = 0;
    const run = async (label: string, port: number): Promise<Row> => {
      const result = await autocannon({
        url: `http://127.0.0.1:${port}/interactions`,
        connections: 16,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => ({ ...req, ...bodies[next++ % bodies.length]! }),
          },
        ],
      });
      return {
        label,
        requestsPerSecond: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        total: result.requests.total,
        failed: result.non2xx + result.errors + result.timeouts,
      };
    };
    const rows: Row[] = [];
    await run('warm-up', copies[0]!.port);
    rows.push(await run('one copy', copies[0]!.port));
    copies.push(await startCopy(env));
    const lb = await startNginx(copies.map((c) => c.port));
    try {
      await run('warm-up', lb.port);
      rows.push(await run('two copies behind nginx', lb.port));
    } finally {
      await lb.stop();
    }
    console.log('  setup                          req/s    p50      p99      requests  failed');
    for (const r of rows) {
      console.log(
        `  ${r.label.padEnd(28)} ${r.requestsPerSecond.toFixed(0).padStart(7)}  ${`${r.p50} ms`.padStart(7)}  ${`${r.p99} ms`.padStart(7)}  ${String(r.total).padStart(8)}  ${r.failed}`,
      );
    }
  } finally {
    await Promise.all(copies.map((c) => c.stop()));
    await db.stop();
  }
}

/**
 * Whole-process figures for `npm run bench`, each from child processes of the built bot (dist/):
 * start-up to the first answer beside bare node, the bot's resident memory at idle, and loading
 * knowledge folders (time, peak and settled memory).
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { APP_FILE, CODE_CACHE_FILE } from '../src/launcher-files.js';
import { FakeDiscord, TOKEN } from '../src/testing/fake-discord.js';

const root = path.resolve(import.meta.dirname, '..');
/** What `npm start` runs. */
const MAIN = path.join(root, 'dist/bundle/main.js');

/**
 * Runs a command to its exit, feeding it `input`; resolves with its wall time in ms. The child's
 * environment is PATH and `env` only, unless `inherit`: then this process's own (where, for one,
 * NODE_EXTRA_CA_CERTS makes every node start read a bundle of certificates, about 40 ms here).
 */
function run(
  args: string[],
  input = '',
  env: NodeJS.ProcessEnv = {},
  inherit = false,
): Promise<{ ms: number; out: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const base = inherit ? process.env : { PATH: process.env.PATH };
    const child = spawn(process.execPath, args, { cwd: root, env: { ...base, ...env } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', () => resolve({ ms: performance.now() - started, out }));
    child.stdin.end(input);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The console answering one piped question, from process start to exit, beside `node -e 0`,
 * run in turn (A B A B...) so that a drift in the machine's speed moves both alike.
 */
export async function startupRatio(
  pairs = 7,
  inherit = false,
): Promise<{ ratio: number; startMs: number; nodeMs: number }> {
  const question = '/ask who is leading the talks\n';
  await run([MAIN], question, {}, inherit); // warm the disk cache
  const starts: number[] = [];
  const nodes: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const a = await run([MAIN], question, {}, inherit);
    const b = await run(['-e', '0'], '', {}, inherit);
    if (!a.out.includes('Witkoff')) throw new Error(`the console did not answer: ${a.out.slice(0, 200)}`);
    starts.push(a.ms);
    nodes.push(b.ms);
    ratios.push(a.ms / b.ms);
  }
  return { ratio: median(ratios), startMs: median(starts), nodeMs: median(nodes) };
}

/**
 * Whether this node accepts the bundle's code cache (a cache from another V8 is rejected and the
 * bundle compiled as usual: the start-up figures would then be a cold compile's).
 */
export async function codeCacheAccepted(): Promise<boolean> {
  const code = `
    const { readFileSync } = require('node:fs');
    const vm = require('node:vm');
    const Module = require('node:module');
    const file = ${JSON.stringify(path.join(root, 'dist/bundle', APP_FILE))};
    const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), {
      filename: file,
      cachedData: readFileSync(${JSON.stringify(path.join(root, 'dist/bundle', CODE_CACHE_FILE))}),
    });
    console.log(script.cachedDataRejected ? 'rejected' : 'accepted');
  `;
  const { out } = await run(['--input-type=commonjs', '-e', code]);
  return out.trim() === 'accepted';
}

async function memoryOf(pid: number): Promise<{ rss: number; hwm: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const mb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0) / 1024;
  return { rss: mb('VmRSS'), hwm: mb('VmHWM') };
}

/** The bot logged in to the fake Discord and idle: its resident memory after `settleMs`. */
export async function idleBotRss(settleMs = 3000): Promise<number> {
  const fake = await FakeDiscord.start({ record: false });
  const bot = spawn(process.execPath, [MAIN], {
    cwd: root,
    env: { PATH: process.env.PATH, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl },
    stdio: 'ignore',
  });
  try {
    while (fake.identified === 0) await sleep(20);
    await sleep(settleMs);
    return (await memoryOf(bot.pid!)).rss;
  } finally {
    bot.kill('SIGTERM');
    await new Promise((resolve) => bot.once('exit', resolve));
    await fake.stop();
  }
}

/**
 * Loads and indexes a knowledge folder in a fresh process, as the bot does at start-up: the
 * time of each, the peak resident memory (VmHWM), and the memory once settled (after a full GC).
 */
export async function loadInChild(
  dir: string,
): Promise<{ entries: number; loadMs: number; buildMs: number; peakMb: number; settledMb: number }> {
  const code = `
    import { readFileSync } from 'node:fs';
    const { loadKnowledge } = await import(${JSON.stringify(path.join(root, 'dist/src/knowledge/load.js'))});
    const { buildKnowledgeBase } = await import(${JSON.stringify(path.join(root, 'dist/src/engine/answer.js'))});
    const mb = (key) => Number(new RegExp('^' + key + ':\\\\s+(\\\\d+)', 'm').exec(readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
    let t = performance.now();
    const r = await loadKnowledge(process.argv[1], { fingerprint: true }); // as KnowledgeStore.open loads
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
    const loadMs = performance.now() - t;
    t = performance.now();
    const kb = buildKnowledgeBase(r.knowledge);
    const buildMs = performance.now() - t;
    globalThis.gc(); globalThis.gc();
    console.log(JSON.stringify({ entries: kb.knowledge.entries.length, loadMs, buildMs, peakMb: mb('VmHWM'), settledMb: mb('VmRSS') }));
  `;
  const { out } = await run(['--expose-gc', '--input-type=module', '-e', code, dir]);
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

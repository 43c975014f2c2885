import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, TOKEN } from '../src/testing/fake-discord.js';
import { ROOT } from './helpers/knowledge.js';
import { run } from './helpers/run.js';

/** `npm start` runs the build; rebuild when a source is newer than it, so the test runs this code. */
beforeAll(async () => {
  const built = path.join(ROOT, 'dist/bundle/main.js');
  const newest = async (dir: string): Promise<number> => {
    let t = 0;
    for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
      if (e.isFile() && e.name.endsWith('.ts')) t = Math.max(t, statSync(path.join(e.parentPath, e.name)).mtimeMs);
    }
    return t;
  };
  const sources = Math.max(await newest(path.join(ROOT, 'src')), await newest(path.join(ROOT, 'commands')));
  if (!existsSync(built) || statSync(built).mtimeMs < sources) {
    const r = await run('npm', ['run', 'build']);
    if (r.code !== 0) throw new Error(`npm run build failed:\n${r.stdout}${r.stderr}`);
  }
}, 120_000);

let fake: FakeDiscord | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  await fake?.stop();
  fake = child = undefined;
});

/** `npm start` with a token, in its own process group, as systemd or a container runtime runs it. */
async function startBot(token = TOKEN) {
  fake = await FakeDiscord.start();
  const proc = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, DISCORD_TOKEN: token, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'info', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += d));
  proc.stdout!.on('data', (d) => (stderr += d));
  const exited = once(proc, 'exit').then(([code, signal]) => ({ code: code as number | null, signal, stderr }));
  return { proc, exited, output: () => stderr };
}

const until = async (cond: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('graceful shutdown', () => {
  it('answers every interaction received before SIGTERM to the process group, logs each, and exits 0', async () => {
    const bot = await startBot();
    await until(() => /logged in and ready/.test(bot.output()));
    const count = 500;
    const callbacks = Array.from({ length: count }, (_, i) =>
      fake!.command('who', { name: 'witkoff' }, { user: { id: String(900000000000700000n + BigInt(i)) } }),
    );
    process.kill(-bot.proc.pid!, 'SIGTERM');
    const answered = await Promise.allSettled(callbacks);
    const { code, stderr } = await bot.exited;
    expect(answered.filter((a) => a.status === 'fulfilled')).toHaveLength(count);
    expect(code).toBe(0);
    const lines = stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.msg === 'interaction')).toHaveLength(count);
    expect(lines.at(-1)).toMatchObject({ msg: 'stopped', unfinished: 0 });
  });

  it('runs the bot as one node process, with no wrapper between npm and node', async () => {
    const bot = await startBot();
    await until(() => /logged in and ready/.test(bot.output()));
    // npm's children, from /proc (Linux): exactly one, and it is node running the build.
    const pid = bot.proc.pid!;
    const children = (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8')).trim().split(/\s+/);
    expect(children).toHaveLength(1);
    const args = (await readFile(`/proc/${children[0]}/cmdline`, 'utf8')).split('\0').filter(Boolean);
    expect(path.basename(args[0]!)).toBe('node');
    expect(args.slice(1)).toEqual(['dist/bundle/main.js']);
    process.kill(-bot.proc.pid!, 'SIGTERM');
    expect((await bot.exited).code).toBe(0);
  });
});

describe('the gateway refusing the bot', () => {
  it.each([
    [4004, /DISCORD_TOKEN.*4004/],
    [4014, /intents.*4014.*Developer Portal/],
  ])('exits 2 with one line saying what to fix after close %i', async (code, message) => {
    const bot = await startBot();
    await until(() => /logged in and ready/.test(bot.output()));
    fake!.closeGateway(code);
    const { code: exit, stderr } = await bot.exited;
    expect(exit).toBe(2);
    const fatal = stderr.split('\n').filter((l) => l.includes('"level":60'));
    expect(fatal).toHaveLength(1);
    expect(JSON.parse(fatal[0]!).msg).toMatch(message);
  });

  it('exits 2 when the token is refused at log-in', async () => {
    const bot = await startBot(TOKEN.replace('fake-token', 'bad-token'));
    const { code: exit, stderr } = await bot.exited;
    expect(exit).toBe(2);
    expect(stderr).toMatch(/Discord refused DISCORD_TOKEN/);
  });
});

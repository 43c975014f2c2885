/**
 * Servers for the scale test and the HTTP benchmark, all on 127.0.0.1 and all stopped by their
 * owner: a throwaway PostgreSQL cluster, copies of the bot in HTTP mode, and nginx in front.
 * PostgreSQL and nginx come from Debian's packages (scripts/scale.sh installs them).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
const isRoot = process.getuid?.() === 0;

/** A port the kernel says is free right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not come up within ${timeoutMs} ms`);
}

/** A scratch folder; PostgreSQL refuses to run as root, so as root its data belongs to `postgres`. */
export async function scratchDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

// --- PostgreSQL --------------------------------------------------------------------------------

export interface Postgres {
  url: string;
  /** Stops the server as a crash would, keeping its data; `up` starts it again on the same port. */
  down(): Promise<void>;
  up(): Promise<void>;
  stop(): Promise<void>;
}

/** Whether PostgreSQL's server is installed (Debian's layout). */
export function postgresInstalled(): boolean {
  try {
    postgresBin();
    return true;
  } catch {
    return false;
  }
}

function postgresBin(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => path.join(base, v, 'bin')).find((dir) => existsSync(path.join(dir, 'pg_ctl')));
  if (!found)
    throw new Error('PostgreSQL is not installed: run scripts/scale.sh, which installs it from Debian packages');
  return found;
}

/** As the `postgres` user when this process is root (PostgreSQL will not run as root). */
function asPostgres(command: string, args: string[]): void {
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
}

export async function startPostgres(): Promise<Postgres> {
  const bin = postgresBin();
  const dir = await scratchDir('storybot-pg-');
  const data = path.join(dir, 'data');
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    await chown(dir, uid, gid);
  }
  const port = await freePort();
  asPostgres(path.join(bin, 'initdb'), ['-D', data, '-U', 'storybot', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const options = `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c max_connections=40`;
  const pgCtl = (...args: string[]) => asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-w', '-t', '30', ...args]);
  const start = () => pgCtl('-l', path.join(dir, 'log'), '-o', options, 'start');
  start();
  let stopped = false;
  return {
    url: `postgres://storybot@127.0.0.1:${port}/postgres`,
    async down() {
      pgCtl('-m', 'immediate', 'stop');
    },
    async up() {
      start();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        pgCtl('-m', 'immediate', 'stop');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

// --- copies of the bot -------------------------------------------------------------------------

export interface Copy {
  port: number;
  process: ChildProcess;
  /** What the copy wrote to standard error (its log lines). */
  output: string[];
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** How a copy is started: the compiled build when there is one, as in production. */
function entry(): string[] {
  const built = path.join(ROOT, 'dist/bundle/main.js');
  return existsSync(built) ? [built] : ['--import', 'tsx', path.join(ROOT, 'src/main.ts')];
}

export async function startCopy(env: Record<string, string>): Promise<Copy> {
  const port = await freePort();
  const child = spawn(process.execPath, entry(), {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const output: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = once(child, 'exit');
  await Promise.race([
    waitUntil(`copy on port ${port}`, async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 30_000),
    exited.then(([code]) => {
      throw new Error(`copy on port ${port} exited with ${code}: ${output.join('')}`);
    }),
  ]);
  return {
    port,
    process: child,
    output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}

// --- nginx -------------------------------------------------------------------------------------

export interface Nginx {
  port: number;
  stop(): Promise<void>;
}

/**
 * nginx round-robin over the copies. A copy that refuses the connection or drops it mid-request
 * has the request passed to the next one, POST included: an interaction is answered in its HTTP
 * response, so running it again on another copy is safe.
 */
export async function startNginx(upstreamPorts: number[]): Promise<Nginx> {
  const dir = await scratchDir('storybot-nginx-');
  await mkdir(path.join(dir, 'logs'));
  const port = await freePort();
  const servers = upstreamPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `  ${t}_temp_path ${dir}/${t};`)
    .join('\n');
  await writeFile(
    path.join(dir, 'nginx.conf'),
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
${temp}
  upstream storybot {
${servers}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://storybot;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_next_upstream error timeout http_502 non_idempotent;
      proxy_next_upstream_tries 3;
      proxy_connect_timeout 1s;
      proxy_read_timeout 10s;
    }
  }
}
`,
  );
  const child = spawn(
    existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx',
    ['-p', dir, '-e', `${dir}/logs/error.log`, '-c', `${dir}/nginx.conf`, '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const errors: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  const exited = once(child, 'exit');
  await Promise.race([
    waitUntil('nginx', async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).status > 0, 15_000),
    exited.then(([code]) => {
      throw new Error(`nginx exited with ${code}: ${errors.join('')}`);
    }),
  ]);
  return {
    port,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster for the tests, from Debian's binaries: initdb in a temporary
 * folder, a server on a free loopback port, removed on stop.
 */
export interface Cluster {
  url: string;
  stop(): Promise<void>;
}

/** The folder holding initdb and postgres, or null when PostgreSQL is not installed. */
export function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const bin = path.join(root, v, 'bin');
    if (existsSync(path.join(bin, 'initdb')) && existsSync(path.join(bin, 'postgres'))) return bin;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startCluster(bin: string): Promise<Cluster> {
  const dir = mkdtempSync(path.join(tmpdir(), 'storybot-pg-'));
  // Root cannot run PostgreSQL: as root, run it as the postgres user the Debian package creates.
  let owner: { uid: number; gid: number } | undefined;
  if (process.getuid?.() === 0) {
    const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (uid.status !== 0) throw new Error('running as root, but there is no postgres user to run PostgreSQL as');
    owner = { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
    chownSync(dir, owner.uid, owner.gid);
  }
  const data = path.join(dir, 'data');
  const init = spawnSync(
    path.join(bin, 'initdb'),
    ['-D', data, '-U', 'storybot', '--auth=trust', '-E', 'UTF8', '--no-sync'],
    { encoding: 'utf8', ...owner },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);

  const port = await freePort();
  const args = ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir];
  // A throwaway cluster need not survive a power cut.
  args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const server = spawn(path.join(bin, 'postgres'), args, { stdio: ['ignore', 'ignore', 'pipe'], ...owner });
  let stderr = '';
  server.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));

  const deadline = Date.now() + 20_000;
  const isready = path.join(bin, 'pg_isready');
  for (;;) {
    const ready = spawnSync(isready, ['-h', '127.0.0.1', '-p', String(port), '-U', 'storybot', '-d', 'postgres']);
    if (ready.status === 0) break;
    if (server.exitCode !== null || Date.now() > deadline) {
      server.kill('SIGKILL');
      throw new Error(`PostgreSQL did not start: ${stderr.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `postgres://storybot@127.0.0.1:${port}/postgres`,
    async stop() {
      // SIGINT: PostgreSQL's fast shutdown.
      server.kill('SIGINT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000).unref())]);
      if (server.exitCode === null) server.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

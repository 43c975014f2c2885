import { randomBytes, createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SALT_FILE = 'salt';

/**
 * The salt for hashing member ids: the configured one, or one generated once and kept in
 * `dataDir` (readable by its owner only). Several instances sharing a database must share it.
 */
export function loadSalt(dataDir: string, configured: string | null): string {
  if (configured) return configured;
  const file = path.join(dataDir, SALT_FILE);
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dataDir, { recursive: true });
  const salt = randomBytes(32).toString('hex');
  // 'wx': two processes starting at once must not overwrite each other's salt.
  try {
    writeFileSync(file, `${salt}\n`, { mode: 0o600, flag: 'wx' });
    return salt;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw err;
  }
}

/** A member's id as the log keeps it: enough to count distinct askers, not to recover the id. */
export function hashId(salt: string, id: string): string {
  return createHmac('sha256', salt).update(id).digest('base64url').slice(0, 22);
}

import type { StorageConfig } from '../config.js';
import { Storage } from './storage.js';

/**
 * Opens the configured database, or stops with one line saying what failed (no stack trace,
 * and never the URL, which may hold a password).
 */
export async function openStorageOrExit(config: StorageConfig): Promise<Storage> {
  try {
    return await Storage.open({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  } catch (err) {
    const where = config.databaseUrl ? 'the PostgreSQL database (DATABASE_URL)' : `${config.dataDir} (DATA_DIR)`;
    const reason = err instanceof Error ? err.message : String(err);
    const safe = config.databaseUrl ? reason.split(config.databaseUrl).join('[DATABASE_URL]') : reason;
    process.stderr.write(`storybot: cannot open ${where}: ${safe}\n`);
    process.exit(1);
  }
}

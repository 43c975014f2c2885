import type { TestProject } from 'vitest/node';
import { findPostgresBin, startCluster, type Cluster } from './pg-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL URL the storage tests also run against, or null when there is none. */
    postgresUrl: string | null;
  }
}

/**
 * Gives the tests a PostgreSQL server: TEST_DATABASE_URL when set, or else a throwaway cluster
 * when Debian's PostgreSQL binaries are installed. In CI a missing PostgreSQL fails the run
 * rather than quietly testing SQLite alone.
 */
let cluster: Cluster | null = null;

export async function setup(project: TestProject): Promise<void> {
  let url = process.env.TEST_DATABASE_URL?.trim() || null;
  if (!url) {
    const bin = findPostgresBin();
    if (bin) {
      cluster = await startCluster(bin);
      url = cluster.url;
    } else if (process.env.CI === 'true') {
      throw new Error(
        'CI=true but PostgreSQL is not installed (apt-get install postgresql) and TEST_DATABASE_URL is unset',
      );
    }
  }
  project.provide('postgresUrl', url);
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
  cluster = null;
}

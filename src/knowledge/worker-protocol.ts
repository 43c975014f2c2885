/** The messages between the load worker (load-worker.ts) and `loadInWorker` (store.ts). */
import type { KnowledgeProblem } from './types.js';

export type WorkerMessage =
  | { type: 'problems'; problems: KnowledgeProblem[]; more: number }
  | {
      type: 'head';
      stories: unknown;
      synonyms: unknown;
      notices: unknown;
      entries: number;
      /** Every story in order; those unchanged since the stories served (not sent); fingerprints. */
      order: string[];
      unchanged: string[];
      fingerprints: [string, string][];
    }
  | { type: 'entries'; entries: unknown[] }
  | { type: 'done' };

/** Entries per message: copying a chunk on the main thread takes a few milliseconds. */
export const CHUNK = 250;
/** What the main thread sends back for each chunk it has taken: send the next. */
export const NEXT = 'next';

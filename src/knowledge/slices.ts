import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long one slice of background work may hold the event loop: answers wait at most about this. */
export const SLICE_MS = 5;

/**
 * Runs work written as steps (see src/engine/steps.ts) in slices of about `SLICE_MS`, letting the
 * event loop run between them, so that requests keep being answered while it runs.
 */
export async function runInSlices<T>(steps: Generator<void, T, void>, sliceMs = SLICE_MS): Promise<T> {
  let started = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - started >= sliceMs) {
      await nextTurn();
      started = performance.now();
    }
  }
}

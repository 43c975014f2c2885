/**
 * Work written as a generator that yields between small steps can run at once (here) or in
 * slices between other work (a refresh, see src/knowledge/slices.ts): the same code either way.
 */
export function runSteps<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

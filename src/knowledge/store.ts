import { buildKnowledgeBase, type KnowledgeBase } from '../engine/answer.js';
import { diffKnowledge, type KnowledgeDiff } from './diff.js';
import { loadKnowledge } from './load.js';
import { formatProblem, type KnowledgeProblem } from './types.js';
import { msSince } from '../elapsed.js';

export type RefreshOutcome =
  | { ok: true; diff: KnowledgeDiff; entries: number; ms: number }
  | { ok: false; problems: KnowledgeProblem[]; ms: number };

export class KnowledgeLoadError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(`the knowledge has ${problems.length} problem(s):\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'KnowledgeLoadError';
  }
}

/**
 * Holds the knowledge base being served. A refresh loads, validates and indexes a complete new
 * one before swapping a single reference, so readers see the old or the new, never a mix; a
 * failed refresh leaves the old one serving. Refreshes run one after another, never at once.
 */
export class KnowledgeStore {
  #current: KnowledgeBase;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly dir: string,
    initial: KnowledgeBase,
  ) {
    this.#current = initial;
  }

  /** Loads the knowledge folder, or throws a `KnowledgeLoadError` listing every problem. */
  static async open(dir: string): Promise<KnowledgeStore> {
    const result = await loadKnowledge(dir);
    if (!result.ok) throw new KnowledgeLoadError(result.problems);
    return new KnowledgeStore(dir, buildKnowledgeBase(result.knowledge));
  }

  get current(): KnowledgeBase {
    return this.#current;
  }

  refresh(): Promise<RefreshOutcome> {
    const run = this.#queue.then(() => this.#reload());
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Changes the knowledge folder and reloads, in the refresh queue so that nothing interleaves.
   * If the folder no longer loads, `undo` puts it back and the old knowledge keeps serving.
   */
  change(apply: () => Promise<void>, undo: () => Promise<void>): Promise<RefreshOutcome> {
    const run = this.#queue.then(async () => {
      await apply();
      const outcome = await this.#reload();
      if (!outcome.ok) await undo();
      return outcome;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #reload(): Promise<RefreshOutcome> {
    const started = performance.now();
    const result = await loadKnowledge(this.dir);
    if (!result.ok) return { ok: false, problems: result.problems, ms: msSince(started, 1) };
    const next = buildKnowledgeBase(result.knowledge, this.#current.thresholds);
    const diff = diffKnowledge(this.#current.knowledge, next.knowledge);
    this.#current = next;
    return { ok: true, diff, entries: next.knowledge.entries.length, ms: msSince(started, 1) };
  }
}

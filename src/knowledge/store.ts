import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildKnowledgeBase, buildKnowledgeBaseSteps, type KnowledgeBase } from '../engine/answer.js';
import { diffKnowledgeYielding, type KnowledgeDiff } from './diff.js';
import { KNOWLEDGE_LIMITS } from './limits.js';
import { runInSlices } from './slices.js';
import { NEXT, type WorkerMessage } from './worker-protocol.js';
import { deepFreeze, loadKnowledge, type LoadResult } from './load.js';
import {
  formatProblem,
  type Entry,
  type Knowledge,
  type KnowledgeNotice,
  type KnowledgeProblem,
  type Story,
} from './types.js';
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

export interface StoreOptions {
  /** How long a refresh may take before it is refused; `KNOWLEDGE_LIMITS.refreshMs` by default. */
  refreshTimeoutMs?: number;
}

/**
 * Holds the knowledge base being served. A refresh loads, validates and indexes a complete new
 * one before swapping a single reference, so readers see the old or the new, never a mix; a
 * failed refresh leaves the old one serving. Refreshes run one after another, never at once, and
 * each has a time limit, so one that cannot finish is reported and the next one runs.
 */
export class KnowledgeStore {
  #current: KnowledgeBase;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #timeoutMs: number;
  readonly #listeners: ((outcome: RefreshOutcome) => void)[] = [];

  private constructor(
    readonly dir: string,
    initial: KnowledgeBase,
    timeoutMs: number,
  ) {
    this.#current = initial;
    this.#timeoutMs = timeoutMs;
  }

  /**
   * Loads the knowledge folder, or throws a `KnowledgeLoadError` listing every problem. At
   * start-up nothing is being answered yet, so it loads on this thread: no worker to start.
   */
  static async open(
    dir: string,
    { refreshTimeoutMs = KNOWLEDGE_LIMITS.refreshMs }: StoreOptions = {},
  ): Promise<KnowledgeStore> {
    const result = await withTimeout(loadKnowledge(dir), KNOWLEDGE_LIMITS.refreshMs);
    if (!result.ok) throw new KnowledgeLoadError(result.problems);
    return new KnowledgeStore(dir, buildKnowledgeBase(result.knowledge), refreshTimeoutMs);
  }

  get current(): KnowledgeBase {
    return this.#current;
  }

  refresh(): Promise<RefreshOutcome> {
    const run = this.#queue.then(() => this.#reload());
    this.#queue = run.catch(() => undefined);
    void run.then((outcome) => this.#listeners.forEach((listener) => listener(outcome))).catch(() => undefined);
    return run;
  }

  /** Called after every refresh, whoever asked for it (metrics, and telling other copies). */
  onRefresh(listener: (outcome: RefreshOutcome) => void): void {
    this.#listeners.push(listener);
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
    try {
      // Reading, parsing and validating run in a worker thread: answers keep flowing meanwhile.
      const result = await loadInWorker(this.dir, this.#timeoutMs);
      if (!result.ok) return { ok: false, problems: result.problems, ms: msSince(started, 1) };
      // Indexing runs here, in slices of a few milliseconds between answers, from the old
      // knowledge's answers to the swap of one reference below.
      const next = await runInSlices(buildKnowledgeBaseSteps(result.knowledge, this.#current.thresholds));
      const diff = await diffKnowledgeYielding(this.#current.knowledge, next.knowledge);
      this.#current = next;
      return { ok: true, diff, entries: next.knowledge.entries.length, ms: msSince(started, 1) };
    } catch (err) {
      const message = `could not be loaded: ${err instanceof Error ? err.message : String(err)}`;
      return { ok: false, problems: [{ file: '(knowledge folder)', message }], ms: msSince(started, 1) };
    }
  }
}

function timeoutProblem(ms: number): KnowledgeProblem {
  return {
    file: '(knowledge folder)',
    message: `took longer than ${ms / 1000} s to load, so it was refused; is a file very large, or on a stalled disk?`,
  };
}

function withTimeout(load: Promise<LoadResult>, ms: number): Promise<LoadResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<LoadResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, problems: [timeoutProblem(ms)] }), ms);
  });
  return Promise.race([load, late]).finally(() => clearTimeout(timer));
}

// The worker is this folder's load-worker: .js when built, .ts when running from source.
const FROM_SOURCE = fileURLToPath(import.meta.url).endsWith('.ts');
const WORKER_URL = new URL(`./load-worker.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url);

/** A worker from source needs tsx's loader registered in it first (Node 20 ignores --import there). */
function startWorker(dir: string): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER_URL, { workerData: { dir } });
  const require = createRequire(import.meta.url);
  const tsxDir = path.dirname(require.resolve('tsx/package.json'));
  const api = (require('tsx/package.json') as { exports: Record<string, { import: { default: string } }> }).exports[
    './esm/api'
  ]!.import.default;
  const code = `import(${JSON.stringify(pathToFileURL(path.join(tsxDir, api)).href)})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(code, { eval: true, workerData: { dir } });
}

/**
 * Loads the folder in a worker thread and rebuilds the knowledge here, chunk by chunk (see
 * load-worker.ts). After `timeoutMs` the worker is terminated and the load refused.
 */
export function loadInWorker(dir: string, timeoutMs: number): Promise<LoadResult> {
  return new Promise((resolve) => {
    const worker = startWorker(dir);
    let settled = false;
    const finish = (result: LoadResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const failure = (message: string): LoadResult => ({ ok: false, problems: [{ file: '(knowledge folder)', message }] });
    const timer = setTimeout(() => finish({ ok: false, problems: [timeoutProblem(timeoutMs)] }), timeoutMs);
    let head: { stories: Story[]; synonyms: string[][]; notices: KnowledgeNotice[] } | undefined;
    const entries: Entry[] = [];
    worker.on('message', (m: WorkerMessage) => {
      switch (m.type) {
        case 'problems': {
          const more = m.more ? [{ file: '(knowledge folder)', message: `... and ${m.more} more problems` }] : [];
          return finish({ ok: false, problems: [...m.problems, ...more] });
        }
        case 'head':
          head = {
            stories: m.stories as Story[],
            synonyms: m.synonyms as string[][],
            notices: m.notices as KnowledgeNotice[],
          };
          return;
        case 'entries':
          for (const e of m.entries) entries.push(deepFreeze(e as Entry));
          // The next chunk after answers waiting meanwhile have had their turn.
          setImmediate(() => settled || worker.postMessage(NEXT));
          return;
        case 'done': {
          if (!head) return finish(failure('the loader sent no stories'));
          Object.freeze(entries);
          const knowledge: Knowledge = {
            stories: deepFreeze(head.stories),
            entries,
            synonyms: deepFreeze(head.synonyms),
            notices: deepFreeze(head.notices),
          };
          return finish({ ok: true, knowledge: Object.freeze(knowledge) });
        }
      }
    });
    worker.on('error', (err) => finish(failure(`could not be loaded: ${err.message}`)));
    worker.on('exit', (code) => finish(failure(`the loader stopped before finishing (exit code ${code})`)));
  });
}

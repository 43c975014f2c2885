import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildKnowledgeBase, buildKnowledgeBaseSteps, type KnowledgeBase } from '../engine/answer.js';
import { diffKnowledgeYielding, type KnowledgeDiff } from './diff.js';
import { KNOWLEDGE_LIMITS } from './limits.js';
import { runInSlices } from './slices.js';
import { NEXT, type WorkerMessage } from './worker-protocol.js';
import { deepFreeze, loadKnowledge, type LoadResult, type ServedStory } from './load.js';
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
  | {
      ok: true;
      diff: KnowledgeDiff;
      entries: number;
      ms: number;
      /** Stories read, parsed and validated again; stories whose files had not changed, kept. */
      stories?: { reparsed: number; unchanged: number };
    }
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
  /** The stories served, with their fingerprints: a refresh reparses only the others. */
  #served: Map<string, ServedStory>;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #timeoutMs: number;
  readonly #listeners: ((outcome: RefreshOutcome) => void)[] = [];

  private constructor(
    readonly dir: string,
    initial: KnowledgeBase,
    timeoutMs: number,
    fingerprints: ReadonlyMap<string, string> | undefined,
  ) {
    this.#current = initial;
    this.#served = servedOf(initial.knowledge, fingerprints);
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
    const result = await withTimeout(loadKnowledge(dir, { fingerprint: true }), KNOWLEDGE_LIMITS.refreshMs);
    if (!result.ok) throw new KnowledgeLoadError(result.problems);
    return new KnowledgeStore(dir, buildKnowledgeBase(result.knowledge), refreshTimeoutMs, result.fingerprints);
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
      const result = await loadInWorker(this.dir, this.#timeoutMs, this.#served);
      if (!result.ok) return { ok: false, problems: result.problems, ms: msSince(started, 1) };
      const unchanged = new Set(result.unchanged ?? []);
      const knowledge = unchanged.size
        ? withUnchanged(result.knowledge, this.#current.knowledge, result.order ?? [], unchanged)
        : result.knowledge;
      // Indexing runs here, in slices of a few milliseconds between answers, from the old
      // knowledge's answers to the swap of one reference below.
      const next = await runInSlices(buildKnowledgeBaseSteps(knowledge, this.#current.thresholds));
      const diff = await diffKnowledgeYielding(this.#current.knowledge, next.knowledge);
      this.#current = next;
      this.#served = servedOf(next.knowledge, result.fingerprints);
      const stories = { reparsed: next.knowledge.stories.length - unchanged.size, unchanged: unchanged.size };
      return { ok: true, diff, entries: next.knowledge.entries.length, ms: msSince(started, 1), stories };
    } catch (err) {
      const message = `could not be loaded: ${err instanceof Error ? err.message : String(err)}`;
      return { ok: false, problems: [{ file: '(knowledge folder)', message }], ms: msSince(started, 1) };
    }
  }
}

/** Each served story's fingerprint and number of entries (none without fingerprints). */
function servedOf(knowledge: Knowledge, fingerprints: ReadonlyMap<string, string> | undefined): Map<string, ServedStory> {
  const served = new Map<string, ServedStory>();
  if (!fingerprints) return served;
  const counts = new Map<string, number>();
  for (const e of knowledge.entries) counts.set(e.story, (counts.get(e.story) ?? 0) + 1);
  for (const story of knowledge.stories) {
    const fingerprint = fingerprints.get(story.id);
    if (fingerprint !== undefined) served.set(story.id, { fingerprint, entries: counts.get(story.id) ?? 0 });
  }
  return served;
}

/**
 * The knowledge the loader read, with the stories it left out because they had not changed taken
 * from the knowledge served, in the loader's order: what a full load would have given.
 */
function withUnchanged(
  loaded: Knowledge,
  current: Knowledge,
  order: readonly string[],
  unchanged: ReadonlySet<string>,
): Knowledge {
  const stories = new Map<string, Story>();
  for (const s of current.stories) if (unchanged.has(s.id)) stories.set(s.id, s);
  for (const s of loaded.stories) stories.set(s.id, s);
  const entries = new Map<string, Entry[]>();
  const notices = new Map<string, KnowledgeNotice[]>();
  const add = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const e of current.entries) if (unchanged.has(e.story)) add(entries, e.story, e);
  for (const e of loaded.entries) add(entries, e.story, e);
  for (const n of current.notices ?? []) if (unchanged.has(n.story)) add(notices, n.story, n);
  for (const n of loaded.notices ?? []) add(notices, n.story, n);
  const ids = order.filter((id) => stories.has(id));
  const all = <T>(map: Map<string, T[]>) => {
    const out: T[] = [];
    for (const id of ids) for (const x of map.get(id) ?? []) out.push(x);
    return Object.freeze(out);
  };
  return Object.freeze({
    stories: Object.freeze(ids.map((id) => stories.get(id)!)),
    entries: all(entries),
    synonyms: loaded.synonyms,
    notices: all(notices),
  });
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
function startWorker(dir: string, served: ReadonlyMap<string, ServedStory>): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER_URL, { workerData: { dir, served } });
  const require = createRequire(import.meta.url);
  const tsxDir = path.dirname(require.resolve('tsx/package.json'));
  const api = (require('tsx/package.json') as { exports: Record<string, { import: { default: string } }> }).exports[
    './esm/api'
  ]!.import.default;
  const code = `import(${JSON.stringify(pathToFileURL(path.join(tsxDir, api)).href)})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(code, { eval: true, workerData: { dir, served } });
}

/**
 * Loads the folder in a worker thread and rebuilds the knowledge here, chunk by chunk (see
 * load-worker.ts). After `timeoutMs` the worker is terminated and the load refused.
 */
export function loadInWorker(
  dir: string,
  timeoutMs: number,
  served: ReadonlyMap<string, ServedStory> = new Map(),
): Promise<LoadResult> {
  return new Promise((resolve) => {
    const worker = startWorker(dir, served);
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
    let head:
      | {
          stories: Story[];
          synonyms: string[][];
          notices: KnowledgeNotice[];
          order: string[];
          unchanged: string[];
          fingerprints: [string, string][];
        }
      | undefined;
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
            order: m.order,
            unchanged: m.unchanged,
            fingerprints: m.fingerprints,
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
          return finish({
            ok: true,
            knowledge: Object.freeze(knowledge),
            order: head.order,
            unchanged: head.unchanged,
            fingerprints: new Map(head.fingerprints),
          });
        }
      }
    });
    worker.on('error', (err) => finish(failure(`could not be loaded: ${err.message}`)));
    worker.on('exit', (code) => finish(failure(`the loader stopped before finishing (exit code ${code})`)));
  });
}

/**
 * Loads and validates the knowledge folder off the main thread, so a large refresh does not stop
 * the bot answering. Posts the result in chunks, one at a time: the main thread copies each
 * message in one go, and takes every message already queued in one turn of its event loop, so
 * each chunk is small and the next is sent only when the main thread asks for it. See `loadInWorker`.
 */
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { loadKnowledge, type ServedStory } from './load.js';
import { CHUNK, type WorkerMessage } from './worker-protocol.js';

/** A refresh reply shows a few problems; copying hundreds of thousands would block the answering. */
const MAX_PROBLEMS = 1000;

const { dir, served } = workerData as { dir: string; served: Map<string, ServedStory> };
const port = parentPort!;
const result = await loadKnowledge(dir, { freeze: false, served });
if (!result.ok) {
  const more = Math.max(0, result.problems.length - MAX_PROBLEMS);
  port.postMessage({ type: 'problems', problems: result.problems.slice(0, MAX_PROBLEMS), more } satisfies WorkerMessage);
} else {
  const { stories, entries, synonyms, notices = [] } = result.knowledge;
  port.postMessage({
    type: 'head',
    stories,
    synonyms,
    notices,
    entries: entries.length,
    order: [...(result.order ?? [])],
    unchanged: [...(result.unchanged ?? [])],
    fingerprints: [...(result.fingerprints ?? [])],
  } satisfies WorkerMessage);
  for (let i = 0; i < entries.length; i += CHUNK) {
    port.postMessage({ type: 'entries', entries: entries.slice(i, i + CHUNK) } satisfies WorkerMessage);
    await once(port, 'message');
  }
  port.postMessage({ type: 'done' } satisfies WorkerMessage);
}

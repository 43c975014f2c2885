/**
 * npm run bench:log: what the question log costs per question, and how the log
 * behaves at a million rows. On the embedded SQLite by default; BENCH_DATABASE_URL=postgres://…
 * runs it on PostgreSQL too. BENCH_ROWS sets the size of the big log (default 1,000,000: about
 * two minutes; `npm run bench`, kept near a minute, leaves the log to this script).
 * Targets: p99 answer latency on the shipped knowledge under 2 ms with the log on; /unanswered
 * at a million rows under 200 ms.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { commands, QUESTION_OPTIONS } from '../commands/index.js';
import { logQuestionsOf } from '../src/curation/question-listener.js';
import { Dispatcher } from '../src/dispatch/dispatcher.js';
import { buildKnowledgeBase, type Lookup } from '../src/dispatch/engine.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { unansweredReport } from '../src/curation/unanswered.js';
import { engineAnswerer, loadEvalSet } from '../src/evaluation/evaluate.js';
import { groupKey } from '../src/storage/group.js';
import { QuestionLog, newAnswerId } from '../src/storage/question-log.js';
import { Storage, type QuestionRow } from '../src/storage/storage.js';
import { loadKnowledgeOrExit } from './shared.js';

const root = path.resolve(import.meta.dirname, '..');
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const items = await loadEvalSet(path.join(root, 'knowledge/eval/questions.yaml'));
const queries = items.map((i) => ({ lookup: i.command as Lookup, text: i.q }));
const kb = buildKnowledgeBase(await loadKnowledgeOrExit(path.join(root, 'knowledge')));
const ask = engineAnswerer(kb);
const answer = (q: { lookup: Lookup; text: string }) => ask(q.lookup, q.text);

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1]! };
}
const ms = (n: number) => `${n.toFixed(3)} ms`.padStart(12);
const line = (label: string, s: { median: number; p99: number }, extra = '') =>
  console.log(`  ${label.padEnd(44)} median ${ms(s.median)}   p99 ${ms(s.p99)}${extra}`);
const tick = () => new Promise((r) => setImmediate(r));

async function onDatabase(name: string, databaseUrl: string | null) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'storybot-bench-data-'));
  const storage = await Storage.open({ dataDir, databaseUrl });
  console.log(`\n${name}`);
  try {
    await perQuestion(storage);
    await throughDispatcher(storage);
    await atScale(storage);
  } finally {
    if (databaseUrl) await storage.db.deleteFrom('questions').execute();
    await storage.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The reply path: answer, then hand the question to the log; batches are written meanwhile. */
async function perQuestion(storage: Storage) {
  const log = new QuestionLog(storage, { salt: 'bench-salt-bench-salt', retentionDays: 90 });
  const rounds = 40;
  const off: number[] = [];
  const on: number[] = [];
  const record: number[] = [];
  for (const q of queries) answer(q); // warm up
  for (let r = 0; r < rounds; r++) {
    for (const [i, q] of queries.entries()) {
      // Each question arrives on its own turn of the event loop, as an interaction would, so
      // batch writes run between answers exactly as they would in the bot.
      await tick();
      let t = performance.now();
      answer(q);
      off.push(performance.now() - t);
      await tick();
      t = performance.now();
      const a = answer(q);
      const mid = performance.now();
      log.record({
        text: q.text,
        command: q.lookup,
        story: null,
        status: a.status,
        entry: a.entry,
        confidence: a.confidence,
        guildId: '1',
        userId: String(i % 50),
      });
      const end = performance.now();
      on.push(end - t);
      record.push(end - mid);
    }
  }
  const flushStart = performance.now();
  await log.close();
  const flushMs = performance.now() - flushStart;
  line('answer, log off (shipped knowledge)', stats(off), `   (${off.length} questions)`);
  line('answer + log.record(), log on', stats(on));
  line('log.record() alone (hash, normalise, queue)', stats(record));
  // How long one batch holds the event loop (better-sqlite3 writes synchronously).
  const batch: QuestionRow[] = Array.from({ length: 200 }, (_, i) => row(i, Date.now()));
  const writes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const b = batch.map((r) => ({ ...r, id: newAnswerId() }));
    const t = performance.now();
    await storage.insertQuestions(b);
    writes.push(performance.now() - t);
  }
  line('write of one 200-question batch', stats(writes), `   (last flush ${flushMs.toFixed(1)} ms)`);
}

/**
 * The bot's own path: a command request through the dispatcher, as every transport sends it,
 * with the question log's listener registered as main.ts registers it, and without.
 */
async function throughDispatcher(storage: Storage) {
  const log = new QuestionLog(storage, { salt: 'bench-salt-bench-salt', retentionDays: 90 });
  const store = await KnowledgeStore.open(path.join(root, 'knowledge'));
  const plain = new Dispatcher({ store, commands, rate: null });
  const logged = new Dispatcher({ store, commands, rate: null });
  logged.onEvent(logQuestionsOf(log, store, QUESTION_OPTIONS));
  const request = (q: { lookup: Lookup; text: string }, i: number) => ({
    kind: 'command' as const,
    source: 'bench',
    id: `bench-${i}`,
    invoker: { id: String(i % 50), isModerator: false, guildId: '1' },
    name: q.lookup,
    options: { [QUESTION_OPTIONS[q.lookup] ?? 'question']: q.text },
  });
  const off: number[] = [];
  const on: number[] = [];
  for (const [i, q] of queries.entries()) await plain.dispatch(request(q, i)); // warm up
  for (let r = 0; r < 20; r++) {
    for (const [i, q] of queries.entries()) {
      await tick();
      let t = performance.now();
      await plain.dispatch(request(q, i));
      off.push(performance.now() - t);
      await tick();
      t = performance.now();
      await logged.dispatch(request(q, r * queries.length + i));
      on.push(performance.now() - t);
    }
  }
  await log.close();
  line('dispatch, no question log', stats(off), `   (${off.length} requests)`);
  line('dispatch with the question log (as main.ts)', stats(on));
}

const WORDS =
  'china plan talks ceasefire troops sanctions europe nato oil gas grain prisoners border crimea donbas elections aid weapons drones nuclear'.split(
    ' ',
  );
function row(i: number, at: number): QuestionRow {
  // A long tail of distinct questions, with some asked far more often than others.
  const g = Math.floor(Math.pow(Math.random(), 3) * 5000);
  const text = `what about ${WORDS[g % WORDS.length]} ${WORDS[Math.floor(g / WORDS.length) % WORDS.length]} ${g}`;
  const status = i % 5 < 2 ? 'not_found' : i % 5 === 2 ? 'unsure' : 'answered';
  return {
    id: `b${i}-${newAnswerId()}`,
    askedAt: at,
    text,
    groupKey: groupKey(text),
    command: 'ask',
    story: 'ukraine-peace-push',
    status,
    entry: status === 'answered' ? 'overview' : null,
    confidence: 0.5,
    guildId: '1',
    asker: `u${i % 20000}`,
  };
}

/** A log of ROWS questions spread over 90 days: insert, /unanswered for 7 and 90 days, purge. */
async function atScale(storage: Storage) {
  const now = Date.now();
  const start = performance.now();
  const chunk: QuestionRow[] = [];
  for (let i = 0; i < ROWS; i++) {
    chunk.push(row(i, now - Math.floor(Math.random() * 90 * 86_400_000)));
    if (chunk.length === 5000) await storage.insertQuestions(chunk.splice(0));
  }
  await storage.insertQuestions(chunk);
  const total = await storage.countQuestions();
  console.log(
    `  ${total.toLocaleString('en')} questions written in ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );
  for (const days of [7, 30, 90]) {
    const samples: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      await unansweredReport(storage, kb, { days, now });
      samples.push(performance.now() - t);
    }
    line(`/unanswered over ${days} days (${ROWS.toLocaleString('en')} rows)`, stats(samples.slice(2)));
  }
  const t = performance.now();
  const purged = await storage.purgeQuestions(now - 80 * 86_400_000);
  console.log(
    `  purge of ${purged.toLocaleString('en')} questions older than 80 days: ${(performance.now() - t).toFixed(0)} ms`,
  );
}

console.log(`node ${process.version}: question log`);
await onDatabase('embedded SQLite (better-sqlite3)', null);
if (process.env.BENCH_DATABASE_URL) await onDatabase('PostgreSQL', process.env.BENCH_DATABASE_URL);

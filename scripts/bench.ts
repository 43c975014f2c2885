/**
 * npm run bench: the engine's latency (median, p99) and knowledge load time, on the shipped
 * knowledge and on a generated one of 50,000 entries, beside a plain fuse.js full scan over the
 * same entries in the same run. Targets: p99 < 2 ms shipped, < 20 ms at 50,000 entries.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { commands } from '../commands/index.js';
import { buildKnowledgeBase, type Lookup, type KnowledgeBase } from '../src/dispatch/engine.js';
import { fullScanAnswerer, fullScanFuse } from '../src/evaluation/baseline.js';
import { engineAnswerer, evaluate, loadEvalSet, percent } from '../src/evaluation/evaluate.js';
import { generateKnowledge } from '../src/evaluation/generate.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { formatProblem, type Knowledge } from '../src/knowledge/types.js';
import { benchHttp } from './scale-bench.js';
import { loadKnowledgeOrExit, writeKnowledge } from './shared.js';
import { readConfig } from '../src/config.js';
import { createBot } from '../src/discord/bot.js';
import { Dispatcher } from '../src/dispatch/dispatcher.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { createLogger } from '../src/logger.js';
import { FakeDiscord, TOKEN } from '../src/testing/fake-discord.js';

const root = path.resolve(import.meta.dirname, '..');
const GENERATED = Number(process.env.BENCH_ENTRIES ?? 50_000);
const STORIES = Number(process.env.BENCH_STORIES ?? 100);
const items = await loadEvalSet(path.join(root, 'knowledge/eval/questions.yaml'));
const queries = items.map((i) => ({ lookup: i.command as Lookup, text: i.q }));

function stats(samples: number[]): { median: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p99: at(0.99) };
}
const ms = (n: number) => `${n.toFixed(3)} ms`;
function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}
/** The engine on its own, as the evaluation asks it. */
function answerWith(base: KnowledgeBase) {
  const answerer = engineAnswerer(base);
  return (q: { lookup: Lookup; text: string }) => answerer(q.lookup, q.text);
}
function latency(label: string, rounds: number, fn: (q: { lookup: Lookup; text: string }) => unknown, qs = queries) {
  for (const q of qs) fn(q); // warm up
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) for (const q of qs) samples.push(time(() => fn(q))[1]);
  const s = stats(samples);
  console.log(
    `  ${label.padEnd(34)} median ${ms(s.median).padStart(12)}   p99 ${ms(s.p99).padStart(12)}   (${samples.length} questions)`,
  );
  return s;
}

async function timedLoad(dir: string): Promise<[KnowledgeBase, number, number]> {
  const start = performance.now();
  const result = await loadKnowledge(dir);
  if (!result.ok) throw new Error(`cannot load ${dir}: ${result.problems.slice(0, 3).map(formatProblem).join('; ')}`);
  const loaded = performance.now();
  const kb = buildKnowledgeBase(result.knowledge);
  return [kb, loaded - start, performance.now() - loaded];
}

console.log(`node ${process.version}, ${process.platform} ${process.arch}\n`);

// --- shipped knowledge ---------------------------------------------------------------------
const shipped = await loadKnowledgeOrExit(path.join(root, 'knowledge'));
const loads = [];
for (let i = 0; i < 5; i++) loads.push(await timedLoad(path.join(root, 'knowledge')));
const kb = loads.at(-1)![0];
console.log(`shipped knowledge: ${shipped.entries.length} entries`);
console.log(`  load (read + validate)             median ${ms(stats(loads.map((l) => l[1])).median)}`);
console.log(`  build indexes                      median ${ms(stats(loads.map((l) => l[2])).median)}`);
const engineShipped = latency('storybot engine', 50, answerWith(kb));
const dispatched = await dispatcherLatency(50);
console.log(
  `  ${'dispatcher (checks, event, engine)'.padEnd(34)} median ${ms(dispatched.median).padStart(12)}   p99 ${ms(dispatched.p99).padStart(12)}   (${dispatched.count} requests)`,
);
const fullScan = fullScanAnswerer(shipped);
latency('fuse.js full scan', 10, (q) => fullScan(q.lookup, q.text));
const e = evaluate(items, engineAnswerer(kb));
const b = evaluate(items, fullScan);
console.log(
  `  accuracy, storybot engine          answerable ${percent(e.answerable.correct, e.answerable.total)}, declined ${percent(e.unanswerable.declined, e.unanswerable.total)}`,
);
console.log(
  `  accuracy, fuse.js full scan        answerable ${percent(b.answerable.correct, b.answerable.total)}, declined ${percent(b.unanswerable.declined, b.unanswerable.total)}`,
);

// --- Discord round trip --------------------------------------------------------------------
const roundTrip = await discordRoundTrip(300);
console.log(`\nDiscord round trip, interaction to callback (real discord.js client, fake Discord on 127.0.0.1)`);
console.log(
  `  eval questions, all four commands  median ${ms(roundTrip.median).padStart(12)}   p99 ${ms(roundTrip.p99).padStart(12)}   (${roundTrip.count} interactions)`,
);

// --- HTTP interactions mode: one copy, and two behind nginx ---------------------------------
await benchHttp(queries, Number(process.env.BENCH_HTTP_SECONDS ?? 10));

// --- generated knowledge -------------------------------------------------------------------
const big = generateKnowledge(shipped, GENERATED, 42, STORIES);
const dir = await writeKnowledge(big);
const [bigKb, bigLoad, bigBuild] = await timedLoad(dir);
await rm(dir, { recursive: true, force: true });
console.log(
  `\ngenerated knowledge: ${bigKb.knowledge.entries.length} entries (${GENERATED} generated + the shipped ones) in ${bigKb.knowledge.stories.length} stories`,
);
console.log(`  load (read + validate)             ${ms(bigLoad)}`);
console.log(`  build indexes                      ${ms(bigBuild)}`);
const { questions: generatedQuestions, targets: generatedTargets } = sampleGenerated(big, 200);
const bigEngine = latency('storybot engine, eval questions', 5, answerWith(bigKb));
const bigEngineGen = latency('storybot engine, generated questions', 5, answerWith(bigKb), generatedQuestions);
const fuse = fullScanFuse(bigKb.knowledge.entries);
latency('fuse.js full scan, eval questions', 1, (q) => fuse.search(q.text, { limit: 1 }), queries.slice(0, 5));
const genRight = generatedQuestions.filter((q, i) => answerWith(bigKb)(q).entry === generatedTargets[i]).length;
console.log(
  `  accuracy, storybot engine          generated questions ${percent(genRight, generatedQuestions.length)} answered with their entry (a third with a typo)`,
);
const be = evaluate(items, engineAnswerer(bigKb));
console.log(
  `  accuracy, storybot engine          answerable ${percent(be.answerable.correct, be.answerable.total)}, declined ${percent(be.unanswerable.declined, be.unanswerable.total)} (eval set among ${GENERATED} distractors)`,
);

console.log('\ntargets:');
const check = (label: string, value: number, target: number) =>
  console.log(`  ${value <= target ? 'met ' : 'MISS'} ${label}: ${ms(value)} (target < ${target} ms)`);
check('p99 on the shipped knowledge', engineShipped.p99, 2);
check(`p99 at ${GENERATED} entries (eval questions)`, bigEngine.p99, 20);
check(`p99 at ${GENERATED} entries (generated questions)`, bigEngineGen.p99, 20);

/** The same questions as requests to the dispatcher, as every transport sends them. */
function requestFor(dispatcher: Dispatcher, q: { lookup: Lookup; text: string }) {
  const option = dispatcher.find(q.lookup)?.options[0]?.name ?? 'question';
  return { name: q.lookup, options: { [option]: q.text } };
}

async function dispatcherLatency(rounds: number) {
  const store = await KnowledgeStore.open(path.join(root, 'knowledge'));
  const dispatcher = new Dispatcher({ store, commands, rate: null });
  const invoker = { id: 'bench', isModerator: false };
  const ask = (q: { lookup: Lookup; text: string }) =>
    dispatcher.dispatch({ kind: 'command', source: 'bench', invoker, ...requestFor(dispatcher, q) });
  for (const q of queries) await ask(q); // warm up
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const started = performance.now();
      await ask(q);
      samples.push(performance.now() - started);
    }
  }
  return { ...stats(samples), count: samples.length };
}

async function discordRoundTrip(count: number) {
  const fake = await FakeDiscord.start();
  const config = readConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl }, { dotenv: false });
  const store = await KnowledgeStore.open(path.join(root, 'knowledge'));
  const dispatcher = new Dispatcher({ store, commands, rate: null });
  const bot = await createBot({ config, discord: config.discord!, dispatcher, log: createLogger({ level: 'silent' }) });
  const samples: number[] = [];
  try {
    for (let i = 0; i < count + 20; i++) {
      const { name, options } = requestFor(dispatcher, queries[i % queries.length]!);
      const started = performance.now();
      await fake.command(name, options, { user: { id: String(900000000000600000n + BigInt(i)) } });
      if (i >= 20) samples.push(performance.now() - started); // the first ones warm up
    }
  } finally {
    await bot.stop();
    await fake.stop();
  }
  return { ...stats(samples), count: samples.length };
}

/** Questions aimed at generated entries, a third of them with a typo, as people type. */
function sampleGenerated(k: Knowledge, n: number) {
  const generated = k.entries.filter((x) => x.id.startsWith('generated-'));
  const picked = Array.from({ length: n }, (_, i) => generated[(i * 7919) % generated.length]!);
  const questions = picked.map((entry, i) => {
    const text = entry.phrasings[i % entry.phrasings.length]!;
    return { lookup: 'ask' as Lookup, text: i % 3 === 0 ? text.replace(/(\w)(\w)(\w*)$/, '$2$1$3') : text };
  });
  return { questions, targets: picked.map((e) => e.id) };
}

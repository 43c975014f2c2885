/**
 * npm run bench (kept short: no full scan at 50,000 entries by default): every figure of the README's performance table, from one run,
 * each beside its anchor measured in the same run: start-up beside bare node, the engine beside
 * a plain fuse.js full scan, MiniSearch and FlexSearch on the same entries and questions, loading
 * at 5,000 and 50,000 entries, rendering, typo correction, and the rate past which answers slow.
 * Flags: --full-scan times the fuse.js full scan on every question at 50,000 entries (by default
 * none: it takes seconds a question), and the peers there on every question five times (by
 * default once on 30);
 * --http adds the HTTP-mode runs (nginx, PostgreSQL). Targets are printed at the end.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { commands } from '../commands/index.js';
import { buildKnowledgeBase, type Lookup, type KnowledgeBase } from '../src/dispatch/engine.js';
import { fullScanAnswerer, fullScanFuse } from '../src/evaluation/baseline.js';
import { engineAnswerer, evaluate, loadEvalSet, percent, sameEntry } from '../src/evaluation/evaluate.js';
import { generateKnowledge } from '../src/evaluation/generate.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { formatProblem, type Knowledge } from '../src/knowledge/types.js';
import { peerAnswerer, type Peer } from '../src/evaluation/peers.js';
import { renderReply } from '../src/discord/render.js';
import { measureCapacity, printCapacity } from './capacity.js';
import { benchHttp } from './scale-bench.js';
import { codeCacheAccepted, idleBotRss, loadInChild, startupRatio } from './startup-bench.js';
import { loadKnowledgeOrExit, writeKnowledge } from './shared.js';
import { readConfig } from '../src/config.js';
import { createBot } from '../src/discord/bot.js';
import { Dispatcher } from '../src/dispatch/dispatcher.js';
import type { Reply } from '../src/dispatch/reply.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { createLogger } from '../src/logger.js';
import { FakeDiscord, TOKEN } from '../src/testing/fake-discord.js';

const root = path.resolve(import.meta.dirname, '..');
const GENERATED = Number(process.env.BENCH_ENTRIES ?? 50_000);
const SMALL = 5_000;
const FULL_SCAN = process.argv.includes('--full-scan');
const HTTP = process.argv.includes('--http');
const PEERS: Peer[] = ['MiniSearch', 'FlexSearch'];
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
const benchStarted = performance.now();
/** Seconds since the bench started, printed after each part: where its minute goes. */
const took = () => console.log(`  (${((performance.now() - benchStarted) / 1000).toFixed(1)} s so far)`);

// --- start-up and idle memory (the built bot, whole processes) -----------------------------
const startup = await startupRatio();
const startupHere = await startupRatio(7, true);
const idleRss = await idleBotRss();
const cacheAccepted = await codeCacheAccepted();
console.log('start-up, the built bot (node dist/bundle/main.js, as npm start runs it) as whole processes');
console.log(
  `  the bundle's code cache            ${cacheAccepted ? 'accepted by this node' : 'REJECTED by this node: the bundle compiles cold'}`,
);
console.log(
  `  first answer to a piped question   median ${ms(startup.startMs).padStart(12)}   node -e 0 ${ms(startup.nodeMs)}   ratio ${startup.ratio.toFixed(1)}x (paired runs, environment: PATH only)`,
);
console.log(
  `  the same, this shell's environment median ${ms(startupHere.startMs).padStart(12)}   node -e 0 ${ms(startupHere.nodeMs)}   ratio ${startupHere.ratio.toFixed(1)}x (paired runs)`,
);
console.log(
  `  resident memory, bot idle          ${idleRss.toFixed(0)} MB (logged in to the fake Discord, 3 s after ready)`,
);
took();
console.log();

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
latency('fuse.js full scan', 2, (q) => fullScan(q.lookup, q.text));
const peersShipped = PEERS.map((peer) => {
  const answerer = peerAnswerer(peer, shipped);
  return { peer, answerer, s: latency(peer, 50, (q) => answerer(q.lookup, q.text)) };
});
const accuracy = (label: string, r: ReturnType<typeof evaluate>) =>
  console.log(
    `  accuracy, ${label.padEnd(24)} answerable ${percent(r.answerable.correct, r.answerable.total)}, declined ${percent(r.unanswerable.declined, r.unanswerable.total)}`,
  );
accuracy('storybot engine', evaluate(items, engineAnswerer(kb)));
accuracy('fuse.js full scan', evaluate(items, fullScan));
for (const p of peersShipped) accuracy(p.peer, evaluate(items, p.answerer));
const render = renderCost(dispatched.replies);
console.log(
  `  ${'render a reply (Discord embed)'.padEnd(34)} median ${ms(render.median).padStart(12)}   p99 ${ms(render.p99).padStart(12)}   (${render.count} replies)`,
);
const typoShipped = typoCost(kb);
took();

// --- Discord round trip --------------------------------------------------------------------
const roundTrip = await discordRoundTrip(150);
console.log(`\nDiscord round trip, interaction to callback (real discord.js client, fake Discord on 127.0.0.1)`);
console.log(
  `  eval questions, all four commands  median ${ms(roundTrip.median).padStart(12)}   p99 ${ms(roundTrip.p99).padStart(12)}   (${roundTrip.count} interactions)`,
);

took();

// --- HTTP interactions mode: one copy, and two behind nginx ---------------------------------
if (HTTP) await benchHttp(queries, Number(process.env.BENCH_HTTP_SECONDS ?? 10));
else console.log('\nHTTP interactions mode: with --http (needs nginx and PostgreSQL)');

// --- loading at 5,000 and 50,000 entries, each in a fresh process ---------------------------
console.log('\nloading a knowledge folder in a fresh process (the built loader and index), as at start-up');
const loads5 = [];
// The large folder is kept for the next part: generating and writing it takes seconds.
const big = generateKnowledge(shipped, GENERATED, 42, STORIES);
let bigDir = '';
for (const n of [SMALL, GENERATED]) {
  const dir = await writeKnowledge(n === GENERATED ? big : generateKnowledge(shipped, n, 42, STORIES));
  const l = await loadInChild(dir);
  if (n === GENERATED) bigDir = dir;
  else await rm(dir, { recursive: true, force: true });
  loads5.push(l);
  console.log(
    `  ${`${l.entries} entries`.padEnd(14)} read + validate ${ms(l.loadMs).padStart(12)}   index ${ms(l.buildMs).padStart(12)}   peak ${l.peakMb.toFixed(0)} MB, settled ${l.settledMb.toFixed(0)} MB (peak ${(l.peakMb / l.settledMb).toFixed(1)}x settled)`,
  );
}

took();

// --- generated knowledge -------------------------------------------------------------------
const [bigKb] = await timedLoad(bigDir);
await rm(bigDir, { recursive: true, force: true });
console.log(
  `\ngenerated knowledge: ${bigKb.knowledge.entries.length} entries (${GENERATED} generated + the shipped ones)`,
);
const {
  questions: generatedQuestions,
  targets: generatedTargets,
  stories: generatedStories,
} = sampleGenerated(big, 200);
const bigEngine = latency('storybot engine, eval questions', 5, answerWith(bigKb));
const bigEngineGen = latency('storybot engine, generated questions', 5, answerWith(bigKb), generatedQuestions);
const typoBig = typoCost(bigKb);
if (FULL_SCAN) {
  const fuse = fullScanFuse(bigKb.knowledge.entries);
  latency('fuse.js full scan, eval questions', 1, (q) => fuse.search(q.text, { limit: 1 }), queries);
} else console.log('  fuse.js full scan                  with --full-scan (about 20 s a question)');
// The peers answer each question once: the same pass gives their latency and their accuracy
// below; five rounds with --full-scan. MiniSearch takes 0.1 to 0.2 s a question here, half the
// bench's minute: only with --full-scan.
const peersBig = PEERS.filter((peer) => FULL_SCAN || peer !== 'MiniSearch').map((peer) => {
  const answerer = peerAnswerer(peer, bigKb.knowledge);
  const samples: number[] = [];
  const timed: typeof answerer = (lookup, text) => {
    const [a, t] = time(() => answerer(lookup, text));
    samples.push(t);
    return a;
  };
  const s = FULL_SCAN ? latency(`${peer}, eval questions`, 5, (q) => answerer(q.lookup, q.text)) : undefined;
  return { peer, answerer: FULL_SCAN ? answerer : timed, samples, s };
});
// With several stories an answer names its entry as story/id.
const genRight = generatedQuestions.filter((q, i) =>
  sameEntry(`${generatedStories[i]}/${generatedTargets[i]}`, answerWith(bigKb)(q).entry),
).length;
console.log(
  `  accuracy, storybot engine          generated questions ${percent(genRight, generatedQuestions.length)} answered with their entry (a third with a typo)`,
);
const be = evaluate(items, engineAnswerer(bigKb));
console.log(
  `  accuracy, storybot engine          answerable ${percent(be.answerable.correct, be.answerable.total)}, declined ${percent(be.unanswerable.declined, be.unanswerable.total)} (eval set among ${GENERATED} distractors)`,
);
for (const p of peersBig) {
  const r = evaluate(items, p.answerer);
  if (!p.s) {
    const st = stats(p.samples);
    console.log(
      `  ${`${p.peer}, eval questions`.padEnd(34)} median ${ms(st.median).padStart(12)}   p99 ${ms(st.p99).padStart(12)}   (${p.samples.length} questions, timed in the accuracy pass)`,
    );
  }
  console.log(
    `  accuracy, ${p.peer.padEnd(24)} answerable ${percent(r.answerable.correct, r.answerable.total)}, declined ${percent(r.unanswerable.declined, r.unanswerable.total)} (eval set among ${GENERATED} distractors)`,
  );
}

if (!FULL_SCAN) console.log('  MiniSearch at this size            with --full-scan (about 25 s)');
took();

// --- past capacity -------------------------------------------------------------------------
console.log('\npast capacity: /ask offered to the built bot through the fake Discord, 2 s per rate');
const capacity = await measureCapacity([500, 1000, 1500, 2000, 3000], 2);
printCapacity(capacity);

took();
console.log('\ntargets:');
const check = (label: string, value: number, target: number) =>
  console.log(`  ${value <= target ? 'met ' : 'MISS'} ${label}: ${ms(value)} (target < ${target} ms)`);
check('p99 on the shipped knowledge', engineShipped.p99, 2);
check(`p99 at ${GENERATED} entries (eval questions)`, bigEngine.p99, 20);
check(`p99 at ${GENERATED} entries (generated questions)`, bigEngineGen.p99, 20);
const ratio = (label: string, value: number, target: number, unit = 'x') =>
  console.log(
    `  ${value <= target ? 'met ' : 'MISS'} ${label}: ${value.toFixed(1)}${unit} (target < ${target}${unit})`,
  );
ratio('first answer, against node -e 0 (PATH only)', startup.ratio, 4);
ratio("first answer, against node -e 0 (this shell's environment)", startupHere.ratio, 4);
ratio('resident memory of the idle bot', idleRss, 110, ' MB');
const bigLoad = loads5.at(-1)!;
ratio(`load + index at ${bigLoad.entries} entries`, (bigLoad.loadMs + bigLoad.buildMs) / 1000, 1.5, ' s');
ratio(`peak memory against settled at ${bigLoad.entries} entries`, bigLoad.peakMb / bigLoad.settledMb, 2);
ratio('a typo against a known word, shipped knowledge', typoShipped, 2);
ratio(`a typo against a known word, ${GENERATED} entries`, typoBig, 2);
console.log(
  `  ${capacity.at(-1)!.peakMb < 2 * capacity[0]!.peakMb ? 'met ' : 'MISS'} memory bounded at ${capacity.at(-1)!.offered}/s offered: ${capacity.at(-1)!.peakMb.toFixed(0)} MB (at ${capacity[0]!.offered}/s: ${capacity[0]!.peakMb.toFixed(0)} MB)`,
);

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
  const replies = [];
  for (const q of queries) replies.push(await ask(q)); // warm up
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const started = performance.now();
      await ask(q);
      samples.push(performance.now() - started);
    }
  }
  return { ...stats(samples), count: samples.length, replies };
}

/** Turning replies into Discord messages, as every interaction does after the engine. */
function renderCost(replies: readonly Reply[], rounds = 20) {
  for (const r of replies) renderReply(r); // warm up
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) for (const r of replies) samples.push(time(() => renderReply(r))[1]);
  return { ...stats(samples), count: samples.length };
}

/**
 * What a typo costs: the /ask evaluation questions as typed, and again with a letter swapped in
 * their longest word (a word outside the vocabulary, corrected by the engine). Median against median.
 */
function typoCost(base: KnowledgeBase): number {
  const asks = queries.filter((q) => q.lookup === 'ask');
  const typo = (text: string) => {
    const longest = text.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
    if (longest.length < 5) return text;
    const i = Math.floor(longest.length / 2);
    return text.replace(longest, longest.slice(0, i - 1) + longest[i] + longest[i - 1] + longest.slice(i + 1));
  };
  const known = latency('  questions as typed', 20, answerWith(base), asks);
  const mistyped = latency(
    '  with a typo',
    20,
    answerWith(base),
    asks.map((q) => ({ ...q, text: typo(q.text) })),
  );
  console.log(
    `  ${'a typo costs'.padEnd(34)} ${(mistyped.median / known.median).toFixed(2)}x a question as typed (median)`,
  );
  return mistyped.median / known.median;
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
  return { questions, targets: picked.map((e) => e.id), stories: picked.map((e) => e.story) };
}

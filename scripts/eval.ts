/**
 * npm run eval [-- --sweep]: accuracy of the engine on knowledge/eval, beside a plain fuse.js
 * full scan. --sweep moves each tunable number (src/engine/tuning.ts) across its range, one at a
 * time, on the tuning questions only: the held-out ones never choose a number.
 */
import path from 'node:path';
import { buildKnowledgeBase, TUNING, type Tuning } from '../src/engine/answer.js';
import { TUNING_RANGES } from '../src/engine/tuning.js';
import { fullScanAnswerer } from '../src/evaluation/baseline.js';
import { engineAnswerer, evaluate, loadEvalSet, percent, type EvalReport } from '../src/evaluation/evaluate.js';
import { loadKnowledgeOrExit } from './shared.js';

const root = path.resolve(import.meta.dirname, '..');
const knowledge = await loadKnowledgeOrExit(path.join(root, 'knowledge'));
const kb = buildKnowledgeBase(knowledge);
const items = await loadEvalSet(path.join(root, 'knowledge/eval/questions.yaml'));

function summary(name: string, r: EvalReport): string {
  return `${name.padEnd(22)} answerable ${r.answerable.correct}/${r.answerable.total} (${percent(r.answerable.correct, r.answerable.total)})   declined ${r.unanswerable.declined}/${r.unanswerable.total} (${percent(r.unanswerable.declined, r.unanswerable.total)})`;
}

const holdout = await loadEvalSet(path.join(root, 'knowledge/eval/holdout.yaml'));

for (const [name, set] of [
  ['evaluation set (questions.yaml)', items],
  ['held-out set (holdout.yaml)', holdout],
] as const) {
  const engine = evaluate(set, engineAnswerer(kb));
  const baseline = evaluate(set, fullScanAnswerer(knowledge));
  console.log(
    `${name}: ${set.length} questions (${engine.answerable.total} answerable, ${engine.unanswerable.total} not answerable)`,
  );
  console.log(summary('storybot engine', engine));
  console.log(summary('fuse.js full scan', baseline));
  console.log(`engine misses (${engine.misses.length}):`);
  for (const m of engine.misses) {
    console.log(
      `  [${m.item.command}] ${JSON.stringify(m.item.q)}  expected ${m.item.expect.join(' or ')}, got ${m.got.status} ${m.got.entry ?? ''} (${m.got.confidence})`,
    );
  }
  console.log('');
}

if (process.argv.includes('--sweep')) {
  // One number moved at a time, the others as in use: where answers turn into declines.
  console.log('sweep on the tuning questions (questions.yaml); each number alone, the others as in use:');
  for (const key of Object.keys(TUNING_RANGES) as (keyof Tuning)[]) {
    const [from, to, step] = TUNING_RANGES[key];
    console.log(`  ${key} (in use: ${TUNING[key]})`);
    for (let v = from; v <= to + step / 1000; v += step) {
      const value = Number(v.toFixed(6));
      const r = evaluate(items, engineAnswerer(buildKnowledgeBase(knowledge, { ...TUNING, [key]: value })));
      const inUse = Math.abs(value - TUNING[key]) < 1e-9 ? '   <- in use' : '';
      console.log(
        `    ${String(value).padEnd(6)} answerable ${r.answerable.correct}/${r.answerable.total}  declined ${r.unanswerable.declined}/${r.unanswerable.total}${inUse}`,
      );
    }
  }
}

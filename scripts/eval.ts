/**
 * npm run eval [-- --sweep]: accuracy of the engine on knowledge/eval, beside a plain fuse.js
 * full scan. --sweep also shows how the answer threshold trades answers for declines.
 */
import path from 'node:path';
import { buildKnowledgeBase, THRESHOLDS } from '../src/dispatch/engine.js';
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
  // The same questions with the answer threshold moved: where answers turn into declines.
  console.log('answer threshold sweep (suggest and person thresholds fixed):');
  for (let t = 0.4; t <= 0.9001; t += 0.05) {
    const r = evaluate(items, engineAnswerer(buildKnowledgeBase(knowledge, { ...THRESHOLDS, answer: t })));
    const inUse = Math.abs(t - THRESHOLDS.answer) < 1e-9 ? '   <- in use' : '';
    const h = evaluate(holdout, engineAnswerer(buildKnowledgeBase(knowledge, { ...THRESHOLDS, answer: t })));
    console.log(
      `  ${t.toFixed(2)}  answerable ${r.answerable.correct}/${r.answerable.total}  declined ${r.unanswerable.declined}/${r.unanswerable.total}   held out: answerable ${h.answerable.correct}/${h.answerable.total}  declined ${h.unanswerable.declined}/${h.unanswerable.total}${inUse}`,
    );
  }
}

/**
 * npm run eval [-- --sweep] [-- --show-holdout]: accuracy of the engine on knowledge/eval, beside a
 * plain fuse.js full scan. Tuning sets (questions.yaml, natural-tune.yaml) are shown with every
 * miss; held-out sets (holdout.yaml, natural-holdout.yaml) only as counts by class of failure,
 * unless --show-holdout: nobody tuning the engine should read them.
 * --sweep moves each tunable number (src/engine/tuning.ts) across its range, one at a time, on
 * the tuning sets only: the held-out ones never choose a number.
 */
import path from 'node:path';
import { buildKnowledgeBase, TUNING, TUNING_RANGES, type Tuning } from '../src/dispatch/engine.js';
import { fullScanAnswerer } from '../src/evaluation/baseline.js';
import {
  engineAnswerer,
  evaluate,
  loadEvalSet,
  missCounts,
  percent,
  type EvalItem,
  type EvalReport,
} from '../src/evaluation/evaluate.js';
import { reasonJudge } from '../src/evaluation/reasons.js';
import { loadKnowledgeOrExit } from './shared.js';

const root = path.resolve(import.meta.dirname, '..');
const knowledge = await loadKnowledgeOrExit(path.join(root, 'knowledge'));
const kb = buildKnowledgeBase(knowledge);
const judge = reasonJudge(knowledge.stories[0]!.lines.join('\n'));
const showHoldout = process.argv.includes('--show-holdout');
const load = (file: string) => loadEvalSet(path.join(root, 'knowledge/eval', file));

const sets: { name: string; items: EvalItem[]; heldOut: boolean }[] = [
  {
    name: 'natural questions, tuning part (natural-tune.yaml)',
    items: await load('natural-tune.yaml'),
    heldOut: false,
  },
  {
    name: 'natural questions, held out (natural-holdout.yaml)',
    items: await load('natural-holdout.yaml'),
    heldOut: true,
  },
  { name: 'evaluation set (questions.yaml)', items: await load('questions.yaml'), heldOut: false },
  { name: 'held-out set (holdout.yaml)', items: await load('holdout.yaml'), heldOut: true },
];

function summary(name: string, r: EvalReport): string {
  const a = `${r.answerable.correct}/${r.answerable.total} (${percent(r.answerable.correct, r.answerable.total)})`;
  const d = `${r.unanswerable.declined}/${r.unanswerable.total} (${percent(r.unanswerable.declined, r.unanswerable.total)})`;
  return `  ${name.padEnd(18)} answerable right ${a.padEnd(16)} declined ${d.padEnd(16)} false "doesn't mention" ${r.falseReasons.length}`;
}

for (const { name, items, heldOut } of sets) {
  const engine = evaluate(items, engineAnswerer(kb), judge);
  const baseline = evaluate(items, fullScanAnswerer(knowledge), judge);
  console.log(`${name}: ${items.length} questions`);
  console.log(summary('storybot engine', engine));
  console.log(summary('fuse.js full scan', baseline));
  const counts = Object.entries(missCounts(engine))
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  console.log(`  engine misses by class: ${counts}`);
  if (!heldOut || showHoldout) {
    for (const m of engine.misses) {
      const want = 'decline' in m.item.expect ? 'decline' : JSON.stringify(m.item.expect);
      console.log(
        `    [${m.class}] [${m.item.command}${m.item.kind ? ` ${m.item.kind}` : ''}] ${JSON.stringify(m.item.q)}  expected ${want}; got ${m.got.status} ${m.got.entry ?? ''} (${m.got.confidence}) lines ${m.got.lines?.join(',') ?? ''}: ${JSON.stringify((m.got.text ?? '').slice(0, 110))}`,
      );
    }
    for (const f of engine.falseReasons)
      console.log(`    [false reason ${f.words.join(', ')}] ${JSON.stringify(f.item.q)}`);
  }
  console.log('');
}

if (process.argv.includes('--sweep')) {
  const tuningItems = sets.filter((s) => !s.heldOut).flatMap((s) => s.items);
  console.log(`sweep on the tuning questions only (${tuningItems.length}); each number alone, the others as in use:`);
  for (const key of Object.keys(TUNING_RANGES) as (keyof Tuning)[]) {
    const [from, to, step] = TUNING_RANGES[key];
    console.log(`  ${key} (in use: ${TUNING[key]})`);
    for (let v = from; v <= to + step / 1000; v += step) {
      const value = Number(v.toFixed(6));
      const r = evaluate(tuningItems, engineAnswerer(buildKnowledgeBase(knowledge, { ...TUNING, [key]: value })));
      const inUse = Math.abs(value - TUNING[key]) < 1e-9 ? '   <- in use' : '';
      console.log(
        `    ${String(value).padEnd(6)} answerable ${r.answerable.correct}/${r.answerable.total}  declined ${r.unanswerable.declined}/${r.unanswerable.total}${inUse}`,
      );
    }
  }
}

/**
 * npm run eval:draft [-- --misses]: how well the draft alone answers. Drafts the shipped report into
 * a scratch knowledge folder (the curated files set aside, synonyms kept), runs every evaluation
 * set against it, and scores each reply by the line it quotes first against the expected lines (for
 * the entry sets, the lines the curated entries cite). --misses lists the tuning sets' misses;
 * held-out sets are shown as counts only.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildKnowledgeBase } from '../src/dispatch/engine.js';
import { draftStory } from '../src/draft/draft.js';
import { asLineExpectations, firstLineOnly } from '../src/evaluation/by-line.js';
import { evaluateRouting, loadRoutingSet } from '../src/evaluation/routing.js';
import { engineAnswerer, evaluate, loadEvalSet, percent, type EvalReport } from '../src/evaluation/evaluate.js';
import { loadKnowledgeOrExit } from './shared.js';

const root = path.resolve(import.meta.dirname, '..');
const knowledgeDir = path.join(root, 'knowledge');
const storyId = 'ukraine-peace-push';
const curated = await loadKnowledgeOrExit(knowledgeDir);

const SETS = [
  { file: 'natural-tune.yaml', heldOut: false },
  { file: 'natural-holdout.yaml', heldOut: true },
  { file: 'questions.yaml', heldOut: false },
  { file: 'holdout.yaml', heldOut: true },
];

function summary(r: EvalReport): string {
  const a = `${r.answerable.correct}/${r.answerable.total} (${percent(r.answerable.correct, r.answerable.total)})`;
  const d = `${r.unanswerable.declined}/${r.unanswerable.total} (${percent(r.unanswerable.declined, r.unanswerable.total)})`;
  const wrong = r.misses.filter((m) => m.class === 'wrong entry' || m.class === 'should have declined').length;
  return `answerable right ${a.padEnd(16)} declined ${d.padEnd(16)} answered from a wrong line ${wrong}`;
}

const scratch = await mkdtemp(path.join(tmpdir(), 'storybot-draft-eval-'));
try {
  const storyDir = path.join(scratch, 'stories', storyId);
  await mkdir(storyDir, { recursive: true });
  const report = await readFile(path.join(knowledgeDir, 'stories', storyId, 'report.txt'), 'utf8');
  for (const [name, text] of Object.entries(draftStory(report, { slug: storyId }).files)) {
    await writeFile(path.join(storyDir, name), text);
  }
  await cp(path.join(knowledgeDir, 'synonyms.yaml'), path.join(scratch, 'synonyms.yaml'));
  const draft = firstLineOnly(engineAnswerer(buildKnowledgeBase(await loadKnowledgeOrExit(scratch))));
  const full = firstLineOnly(engineAnswerer(buildKnowledgeBase(curated)));

  for (const { file, heldOut } of SETS) {
    const items = asLineExpectations(await loadEvalSet(path.join(knowledgeDir, 'eval', file)), curated);
    const r = evaluate(items, draft);
    console.log(`${file} (${items.length} questions${heldOut ? ', held out' : ''})`);
    console.log(`  draft alone  ${summary(r)}`);
    console.log(`  curated      ${summary(evaluate(items, full))}`);
    if (!heldOut && process.argv.includes('--misses')) {
      for (const m of r.misses) {
        console.log(
          `    ${m.class.padEnd(20)} ${JSON.stringify(m.item.q)} -> ${m.got.status} ${m.got.lines?.join(',') ?? ''} ${m.got.entry ?? ''}`,
        );
      }
    }
  }

  // Routing: the shipped story, curated, beside the drafted test report.
  const both = path.join(scratch, 'both');
  await cp(knowledgeDir, both, { recursive: true });
  await cp(path.join(root, 'test/fixtures/drafted/stories/harbour-strike'), path.join(both, 'stories/harbour-strike'), {
    recursive: true,
  });
  const routing = evaluateRouting(
    buildKnowledgeBase(await loadKnowledgeOrExit(both)),
    await loadRoutingSet(path.join(root, 'test/fixtures/routing.yaml')),
  );
  const { routed, ambiguous } = routing;
  console.log(`routing (test/fixtures/routing.yaml, two stories)`);
  console.log(
    `  routed to the right story ${routed.right}/${routed.total} (${percent(routed.right, routed.total)}), answered from it ${routed.answered}/${routed.total}; ambiguous asked which story ${ambiguous.asked}/${ambiguous.total}`,
  );
  for (const m of routing.misses) console.log(`    ${JSON.stringify(m.item.q)} (${m.item.story}): ${m.got}`);
} finally {
  await rm(scratch, { recursive: true, force: true });
}

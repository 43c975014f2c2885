/**
 * npm run eval:draft: how well the draft alone answers. Drafts the shipped report into a scratch
 * knowledge folder (the curated files set aside), runs the evaluation sets against it, and scores
 * each answer by the line it quotes against the lines the curated answer cites.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildKnowledgeBase } from '../src/engine/answer.js';
import { draftStory } from '../src/draft/draft.js';
import { evaluateByLine } from '../src/evaluation/by-line.js';
import { loadEvalSet, percent } from '../src/evaluation/evaluate.js';
import { loadKnowledgeOrExit } from './shared.js';

const root = path.resolve(import.meta.dirname, '..');
const knowledgeDir = path.join(root, 'knowledge');
const storyId = 'ukraine-peace-push';
const curated = await loadKnowledgeOrExit(knowledgeDir);

const scratch = await mkdtemp(path.join(tmpdir(), 'storybot-draft-eval-'));
try {
  const storyDir = path.join(scratch, 'stories', storyId);
  await mkdir(storyDir, { recursive: true });
  const report = await readFile(path.join(knowledgeDir, 'stories', storyId, 'report.txt'), 'utf8');
  const title = curated.stories.find((s) => s.id === storyId)?.title;
  const draft = draftStory(report, { slug: storyId, ...(title ? { headline: title } : {}) });
  for (const [name, text] of Object.entries(draft.files)) await writeFile(path.join(storyDir, name), text);
  await cp(path.join(knowledgeDir, 'synonyms.yaml'), path.join(scratch, 'synonyms.yaml'));
  const kb = buildKnowledgeBase(await loadKnowledgeOrExit(scratch));
  const curatedKb = buildKnowledgeBase(curated);

  for (const [name, file] of [
    ['evaluation set (questions.yaml)', 'questions.yaml'],
    ['held-out set (holdout.yaml)', 'holdout.yaml'],
  ] as const) {
    const items = await loadEvalSet(path.join(knowledgeDir, 'eval', file));
    for (const [who, base] of [
      ['draft alone', kb],
      ['curated', curatedKb],
    ] as const) {
      const r = evaluateByLine(items, base, curated);
      console.log(
        `${name.padEnd(32)} ${who.padEnd(12)} answerable right ${r.answerable.correct}/${r.answerable.total} (${percent(r.answerable.correct, r.answerable.total)})  wrong line ${r.wrong}  unanswerable declined ${r.unanswerable.declined}/${r.unanswerable.total} (${percent(r.unanswerable.declined, r.unanswerable.total)})`,
      );
      if (who === 'draft alone' && process.argv.includes('--misses')) {
        for (const m of r.misses) console.log(`    [${m.item.command}] ${JSON.stringify(m.item.q)}: ${m.got}`);
      }
    }
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}

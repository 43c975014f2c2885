import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { loadKnowledge } from '../src/knowledge/load.js';
import { formatProblem, type Knowledge } from '../src/knowledge/types.js';

/** Scripts need valid knowledge to mean anything: print the problems and stop if it is not. */
export async function loadKnowledgeOrExit(dir: string): Promise<Knowledge> {
  const result = await loadKnowledge(dir);
  if (result.ok) return result.knowledge;
  console.error(`The knowledge in ${dir} has ${result.problems.length} problem(s):`);
  for (const p of result.problems) console.error(`  ${formatProblem(p)}`);
  process.exit(1);
}

const root = path.resolve(import.meta.dirname, '..');

/** Writes a knowledge base as knowledge files, so that loading it is measured for real. */
export async function writeKnowledge(k: Knowledge): Promise<string> {
  const out = await mkdtemp(path.join(tmpdir(), 'storybot-bench-'));
  const storyDir = path.join(out, 'stories/ukraine-peace-push');
  await mkdir(storyDir, { recursive: true });
  await cp(path.join(root, 'knowledge/stories/ukraine-peace-push'), storyDir, { recursive: true });
  await cp(path.join(root, 'knowledge/synonyms.yaml'), path.join(out, 'synonyms.yaml'));
  const qaOf = (story: string) =>
    k.entries
      .filter((x) => x.id.startsWith('generated-') && x.story === story)
      .map((x) => ({
        id: x.id,
        question: x.title,
        phrasings: x.phrasings.slice(1),
        answer: x.answer,
        sources: x.sources.map((s) => ({ line: s.line, quote: s.quote, by: 'cnn' })),
      }));
  const existing = readFile(path.join(storyDir, 'qa.yaml'), 'utf8');
  await writeFile(path.join(storyDir, 'qa.yaml'), `${await existing}\n${stringify(qaOf('ukraine-peace-push'))}`);
  // The other stories: the shipped report under another id, and their share of the entries.
  const storyYaml = await readFile(path.join(storyDir, 'story.yaml'), 'utf8');
  for (const story of k.stories.filter((s) => s.id !== 'ukraine-peace-push')) {
    const dir = path.join(out, 'stories', story.id);
    await mkdir(dir);
    await cp(path.join(storyDir, 'report.txt'), path.join(dir, 'report.txt'));
    await writeFile(
      path.join(dir, 'story.yaml'),
      storyYaml.replace(/^id: .*$/m, `id: ${story.id}`).replace(/^title: .*$/m, `title: ${story.title}`),
    );
    await writeFile(path.join(dir, 'qa.yaml'), stringify(qaOf(story.id)));
  }
  return out;
}

/**
 * npm run draft -- --story <slug> [--headline "..."] [--out <knowledge dir>] <report.txt>
 * Drafts a complete story folder from a report, into <knowledge dir>/stories/<slug>/ (default
 * ./knowledge), then loads the whole knowledge folder to prove it is accepted.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { draftStory } from '../src/draft/draft.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { formatProblem } from '../src/knowledge/types.js';

const USAGE =
  'usage: npm run draft -- --story <slug> [--headline "..."] [--out <knowledge dir>] [--force] <report.txt>';
const fail = (message: string, code = 2): never => {
  console.error(message);
  process.exit(code);
};

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      story: { type: 'string' },
      headline: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
    },
  });
} catch (err) {
  fail(`${(err as Error).message}\n${USAGE}`);
}
const { values, positionals } = parsed!;
const slug = values.story ?? fail(`--story is required\n${USAGE}`);
if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || slug.length > 60)
  fail('--story must be kebab-case (a-z, 0-9, single dashes), at most 60 characters');
const reportPath = positionals[0] ?? fail(`a report file is required\n${USAGE}`);
const report = await readFile(reportPath, 'utf8').catch((err: NodeJS.ErrnoException) =>
  fail(`cannot read ${reportPath} (${err.code ?? err.message})`),
);
if (!report.trim()) fail(`${reportPath} is empty`);

const knowledgeDir = path.resolve(values.out ?? 'knowledge');
const storyDir = path.join(knowledgeDir, 'stories', slug);
if (!values.force && (await stat(storyDir).catch(() => null)))
  fail(`${storyDir} already exists; pass --force to overwrite it`);

const draft = draftStory(report, { slug, ...(values.headline ? { headline: values.headline } : {}) });
await mkdir(storyDir, { recursive: true });
for (const [name, text] of Object.entries(draft.files)) await writeFile(path.join(storyDir, name), text);

const loaded = await loadKnowledge(knowledgeDir);
if (!loaded.ok)
  fail(
    `drafted into ${storyDir}, but the knowledge folder does not load:\n${loaded.problems.map(formatProblem).join('\n')}`,
    1,
  );
const s = draft.summary;
console.log(`drafted ${storyDir}`);
console.log(
  `  ${s.sentences} sentences, ${s.people.length} people, ${s.events.length} time expressions, ${s.voices.length} voices`,
);
console.log(`  people: ${s.people.join(', ') || 'none'}`);
console.log(`  times: ${s.events.join(', ') || 'none'}`);
console.log(`  voices: ${s.voices.join('; ')}`);

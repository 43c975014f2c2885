import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge/load.js';
import { formatProblem, type KnowledgeProblem } from '../src/knowledge/types.js';
import { copyKnowledge, KNOWLEDGE_DIR, PEOPLE, QA, STORY_DIR } from './helpers/knowledge.js';

/** sha256 of the report as published (checked against the published copy when this was written). */
const PUBLISHED_REPORT_SHA256 = '3c119f6cb8ac19d7a3468971bed864bb450919dbb0558175aac65ddeb04e3deb';

describe('the shipped knowledge', () => {
  it('keeps the report byte for byte as published', async () => {
    const ours = await readFile(path.join(STORY_DIR, 'report.txt'));
    expect(createHash('sha256').update(ours).digest('hex')).toBe(PUBLISHED_REPORT_SHA256);
  });

  it('loads without a single problem', async () => {
    const result = await loadKnowledge(KNOWLEDGE_DIR);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it('cites every sentence of the report, except the link to another story', async () => {
    const result = await loadKnowledge(KNOWLEDGE_DIR);
    if (!result.ok) throw new Error('invalid knowledge');
    const story = result.knowledge.stories[0]!;
    const quotes = result.knowledge.entries.flatMap((e) => e.sources);
    const uncited: string[] = [];
    story.lines.forEach((line, i) => {
      if (story.links.has(i + 1)) return;
      for (const sentence of sentencesOf(line)) {
        const cited = quotes.some(
          (q) => q.line === i + 1 && (sentence.includes(q.quote) || q.quote.includes(sentence)),
        );
        if (!cited) uncited.push(`line ${i + 1}: ${sentence}`);
      }
    });
    expect(uncited).toEqual([]);
  });

  it('treats the final “Also Read” line as a link, not a fact', async () => {
    const result = await loadKnowledge(KNOWLEDGE_DIR);
    if (!result.ok) throw new Error('invalid knowledge');
    const story = result.knowledge.stories[0]!;
    expect(story.lines.at(-1)).toMatch(/^Also Read:/);
    expect(story.links.has(story.lines.length)).toBe(true);
    const factsOnLink = result.knowledge.entries.filter(
      (e) => e.kind !== 'gap' && e.sources.some((s) => s.line === story.lines.length),
    );
    expect(factsOnLink.map((e) => e.id)).toEqual([]);
  });

  it('names each of the 13 people of the report for /who', async () => {
    const result = await loadKnowledge(KNOWLEDGE_DIR);
    if (!result.ok) throw new Error('invalid knowledge');
    const surnames = result.knowledge.entries.flatMap((e) => (e.kind === 'person' ? [e.name.split(' ').at(-1)] : []));
    expect(surnames.sort()).toEqual(
      [
        'Trump',
        'Witkoff',
        'Driscoll',
        'Butler',
        'Zelensky',
        'Shmyhal',
        'Vance',
        'George',
        'Donahue',
        'Weimer',
        'Dmitriev',
        'Peskov',
        'Putin',
      ].sort(),
    );
  });

  it('says the report has no publication date instead of inventing one', async () => {
    const result = await loadKnowledge(KNOWLEDGE_DIR);
    if (!result.ok) throw new Error('invalid knowledge');
    expect(result.knowledge.stories[0]!.published).toBeNull();
    expect(result.knowledge.stories[0]!.publishedNote).toMatch(/no publication date/);
  });
});

/** Sentences of a report line; abbreviations such as "Col." and "U.S." do not end one. */
function sentencesOf(line: string): string[] {
  return line
    .split(/(?<=[.!?…][”"]?)\s+(?=[A-Z“])(?<!\b(?:Col|Gen|Mr|Dr|U\.S)\.\s+)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

describe('a broken knowledge folder', () => {
  let scratch: Awaited<ReturnType<typeof copyKnowledge>> | undefined;
  afterEach(async () => {
    await scratch?.remove();
    scratch = undefined;
  });

  async function problemsAfter(rel: string, change: (text: string) => string): Promise<KnowledgeProblem[]> {
    scratch = await copyKnowledge();
    await scratch.edit(rel, change);
    const result = await loadKnowledge(scratch.dir);
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.problems;
  }

  it('withholds an entry whose quote is verbatim nowhere in the report, and says so by file, entry and field', async () => {
    // A straight apostrophe where the report has a curly one is not verbatim.
    scratch = await copyKnowledge();
    await scratch.edit(QA, (t) =>
      t.replace('quote: Steve Witkoff, President Donald Trump’s', "quote: Steve Witkoff, President Donald Trump's"),
    );
    const result = await loadKnowledge(scratch.dir);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.knowledge.entries.map((e) => e.id)).not.toContain('talks-leader');
    expect(result.knowledge.notices).toContainEqual(
      expect.objectContaining({
        kind: 'withheld',
        file: QA,
        entry: 'talks-leader',
        message: expect.stringMatching(/^sources\[0\]\.quote is no longer in the report/),
      }),
    );
  });

  it('re-anchors a quote cited on the wrong line (or past the end) to the line that holds it, and says so', async () => {
    scratch = await copyKnowledge();
    await scratch.edit(QA, (t) =>
      t.replace(
        /- line: 3\n(\s+quote: Army spokesperson Col\. Dave Butler said the visit was ordered by President Trump as part of a fresh push to revive stalled peace efforts\.\n\s+by: butler\n\n- id: driscoll-briefing)/,
        '- line: 12\n$1',
      ),
    );
    const result = await loadKnowledge(scratch.dir);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.knowledge.entries.find((e) => e.id === 'visit-ordered-by')?.sources[0]?.line).toBe(3);
    expect(result.knowledge.notices).toContainEqual(
      expect.objectContaining({
        kind: 'reanchored',
        entry: 'visit-ordered-by',
        message: 'sources[0].quote is now on line 3, not 12: re-anchored',
      }),
    );
  });

  it('refuses an empty answer', async () => {
    const problems = await problemsAfter(QA, (t) =>
      t.replace(/answer: CNN said the effort marks[^\n]*/, 'answer: "  "'),
    );
    expect(problems).toContainEqual(expect.objectContaining({ entry: 'significance', field: 'answer' }));
  });

  it('refuses two entries with the same id', async () => {
    const problems = await problemsAfter(QA, (t) => t.replace('- id: secrecy', '- id: overview'));
    expect(problems).toContainEqual(expect.objectContaining({ entry: 'overview', field: 'id' }));
  });

  it('refuses an alias that names two people', async () => {
    const problems = await problemsAfter(PEOPLE, (t) => t.replace('aliases: [Vance,', 'aliases: [Putin, Vance,'));
    expect(problems).toContainEqual(expect.objectContaining({ file: PEOPLE, field: 'aliases' }));
  });

  it('refuses a source attributed to a voice the story does not declare', async () => {
    const problems = await problemsAfter(QA, (t) => t.replace('by: axios', 'by: reuters'));
    expect(problems.some((p) => p.field?.endsWith('.by') && p.message.includes('reuters'))).toBe(true);
  });

  it('refuses a misspelt field rather than ignoring it', async () => {
    const problems = await problemsAfter(QA, (t) =>
      t.replace('  phrasings:\n    - is this a big deal', '  phrasing:\n    - is this a big deal'),
    );
    expect(problems).toContainEqual(expect.objectContaining({ entry: 'significance' }));
  });

  it('refuses a file that is not valid YAML, with its line', async () => {
    const problems = await problemsAfter(QA, (t) => `${t}\n- id: [unclosed\n`);
    expect(problems.map(formatProblem).join('\n')).toMatch(/qa\.yaml: is not valid YAML at line \d+/);
  });

  it('refuses a stray file in a story folder, which is most likely a misnamed one', async () => {
    scratch = await copyKnowledge();
    await writeFile(path.join(scratch.dir, 'stories/ukraine-peace-push/question.yaml'), '[]');
    const result = await loadKnowledge(scratch.dir);
    expect(result.ok ? [] : result.problems.map((p) => p.file)).toContain('stories/ukraine-peace-push/question.yaml');
  });

  it('reports every problem at once, not only the first', async () => {
    const problems = await problemsAfter(QA, (t) =>
      t.replace('by: axios', 'by: reuters').replace('- id: secrecy', '- id: overview'),
    );
    expect(problems.length).toBeGreaterThanOrEqual(2);
  });
});

import { mkdir, mkdtemp, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWLEDGE_LIMITS } from '../src/knowledge/limits.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { formatProblem } from '../src/knowledge/types.js';
import { copyKnowledge, QA } from './helpers/knowledge.js';
import { run, tsx } from './helpers/run.js';

const STORY = 'stories/ukraine-peace-push';
const SECRET = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GsEcRt.not-a-real-token-but-secret-0123456789';

let scratch: Awaited<ReturnType<typeof copyKnowledge>> | undefined;
let outside: string | undefined;
afterEach(async () => {
  await scratch?.remove();
  if (outside) await rm(outside, { recursive: true, force: true });
  scratch = outside = undefined;
});

/** A knowledge copy, and beside it (outside it) a `.env` holding the bot token. */
async function withSecretBeside() {
  scratch = await copyKnowledge();
  outside = await mkdtemp(path.join(tmpdir(), 'storybot-outside-'));
  const env = path.join(outside, '.env');
  await writeFile(env, `DISCORD_TOKEN=${SECRET}\n`);
  // An entry quoting the token, as an edit that wants /source to publish it would add.
  await scratch.edit(
    QA,
    (t) =>
      `${t}\n- id: leak\n  question: What is the token?\n  answer: It is this.\n  sources:\n    - { line: 1, quote: "DISCORD_TOKEN=${SECRET}", by: cnn }\n`,
  );
  return { dir: scratch.dir, env };
}

const problemsOf = async (dir: string) => {
  const r = await loadKnowledge(dir);
  return r.ok ? [] : r.problems.map(formatProblem);
};

describe('the loader reads only bounded, regular files inside the knowledge folder', () => {
  it('refuses a report path that climbs out of the story folder', async () => {
    const { dir, env } = await withSecretBeside();
    const rel = path.relative(path.join(dir, STORY), env);
    await scratch!.edit(`${STORY}/story.yaml`, (t) => t.replace('report: report.txt', `report: ${rel}`));
    const problems = await problemsOf(dir);
    expect(problems.join('\n')).toMatch(/story\.yaml, field report: must be a file name in the story folder/);
    expect(problems.join('\n')).not.toContain(SECRET);
  });

  it('refuses a report.txt that is a symlink to a file outside', async () => {
    const { dir, env } = await withSecretBeside();
    await rm(path.join(dir, STORY, 'report.txt'));
    await symlink(env, path.join(dir, STORY, 'report.txt'));
    const problems = await problemsOf(dir);
    expect(problems).toContain(`${STORY}/report.txt: resolves outside the knowledge folder; refused`);
    expect(problems.join('\n')).not.toContain(SECRET);
  });

  it('refuses an entry file that is a symlink to a file outside', async () => {
    const { dir, env } = await withSecretBeside();
    await rm(path.join(dir, STORY, 'gaps.yaml'));
    await symlink(env, path.join(dir, STORY, 'gaps.yaml'));
    expect(await problemsOf(dir)).toContain(`${STORY}/gaps.yaml: resolves outside the knowledge folder; refused`);
  });

  it('accepts a symlink that stays inside the knowledge folder', async () => {
    scratch = await copyKnowledge();
    const story = path.join(scratch.dir, STORY);
    await writeFile(path.join(scratch.dir, 'report-copy.txt'), await readFile(path.join(story, 'report.txt')));
    await rm(path.join(story, 'report.txt'));
    await symlink('../../report-copy.txt', path.join(story, 'report.txt'));
    expect(await problemsOf(scratch.dir)).toEqual([]);
  });

  it('refuses a folder where a file should be', async () => {
    scratch = await copyKnowledge();
    await rm(path.join(scratch.dir, STORY, 'gaps.yaml'));
    await mkdir(path.join(scratch.dir, STORY, 'gaps.yaml'));
    expect(await problemsOf(scratch.dir)).toContain(`${STORY}/gaps.yaml: is not a regular file; refused`);
  });
});

/** Nine levels of nine aliases: a few hundred bytes that expand to 387 million nodes. */
function aliasBomb(): string {
  const lines = ['a0: &a0 [lol]'];
  for (let i = 1; i <= 9; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
}

describe('every failure to load is a problem list', () => {
  it('lists a YAML alias bomb as a problem, at load, refresh and start-up', async () => {
    scratch = await copyKnowledge();
    const store = await KnowledgeStore.open(scratch.dir);
    await writeFile(path.join(scratch.dir, 'synonyms.yaml'), aliasBomb());
    const problems = await problemsOf(scratch.dir);
    expect(problems).toEqual([expect.stringMatching(/^synonyms\.yaml: cannot be expanded: .*alias/i)]);
    const outcome = await store.refresh();
    expect(outcome.ok).toBe(false);
    const started = await tsx('src/cli.ts', ['batch'], {
      input: 'who is witkoff\n',
      env: { KNOWLEDGE_DIR: scratch.dir },
    });
    expect(started.code).toBe(1);
    expect(started.stderr).toMatch(/synonyms\.yaml: cannot be expanded/);
    expect(started.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses more entries than the limit with a problem, not a crash', async () => {
    scratch = await copyKnowledge();
    const r = await loadKnowledge(scratch.dir, { maxEntries: 10 });
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^stories\/: hold \d+ entries, over the limit of 10$/),
    ]);
  });

  it('refuses an answer longer than the limit, naming the entry and field', async () => {
    scratch = await copyKnowledge();
    await scratch.edit(QA, (t) =>
      t.replace('answer: CNN said the effort marks', `answer: ${'x'.repeat(5000)} CNN said the effort marks`),
    );
    expect(await problemsOf(scratch.dir)).toEqual([
      `${QA}, entry "significance", field answer: must be at most ${KNOWLEDGE_LIMITS.longText} characters`,
    ]);
  });

  it('refuses a file over the size limit without reading it whole', async () => {
    scratch = await copyKnowledge();
    const report = path.join(scratch.dir, STORY, 'report.txt');
    await truncate(report, KNOWLEDGE_LIMITS.reportBytes + 1);
    expect(await problemsOf(scratch.dir)).toEqual([`${STORY}/report.txt: is 2.0 MiB, over the limit of 2.0 MiB`]);
    // The same when the story's files are first read whole for its fingerprint (as the bot starts).
    const fingerprinted = await loadKnowledge(scratch.dir, { fingerprint: true });
    expect(fingerprinted.ok ? [] : fingerprinted.problems.map(formatProblem)).toEqual([
      `${STORY}/report.txt: is 2.0 MiB, over the limit of 2.0 MiB`,
    ]);
  });
});

describe('broken text is refused, not silently changed', () => {
  it('refuses invalid UTF-8 in qa.yaml, naming the file and line', async () => {
    scratch = await copyKnowledge();
    const file = path.join(scratch.dir, QA);
    const text = await readFile(file, 'utf8');
    const at = text.indexOf('answer: CNN said the effort marks');
    const line = text.slice(0, at).split('\n').length;
    const bytes = Buffer.from(text, 'utf8');
    const offset = Buffer.byteLength(text.slice(0, at + 'answer: CNN'.length), 'utf8');
    await writeFile(
      file,
      Buffer.concat([bytes.subarray(0, offset), Buffer.from([0xff, 0xfe]), bytes.subarray(offset)]),
    );
    expect(await problemsOf(scratch.dir)).toEqual([`${QA}: is not valid UTF-8 (line ${line}); save it as UTF-8`]);
  });

  it('strips a byte order mark from the report, so line 1 reads as published', async () => {
    scratch = await copyKnowledge();
    const report = path.join(scratch.dir, STORY, 'report.txt');
    const original = await readFile(report, 'utf8');
    await writeFile(report, `\uFEFF${original}`);
    const r = await loadKnowledge(scratch.dir);
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    expect(r.knowledge.stories[0]!.lines[0]).toBe(original.split('\n')[0]);
  });
});

describe('the start-up problem list', () => {
  it('reaches a pipe whole: the first 50 problems and a count of the rest', async () => {
    scratch = await copyKnowledge();
    const broken = Array.from({ length: 600 }, (_, i) => `- { id: Broken_Entry_${i}, question: "" }\n`).join('');
    await writeFile(path.join(scratch.dir, QA), broken);
    const r = await loadKnowledge(scratch.dir);
    const total = r.ok ? 0 : r.problems.length;
    expect(total).toBeGreaterThan(1000); // well over 64 KiB of text when all are printed
    const started = await tsx('src/cli.ts', ['batch'], {
      input: 'who is witkoff\n',
      env: { KNOWLEDGE_DIR: scratch.dir },
    });
    expect(started.code).toBe(1);
    const lines = started.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`storybot: ${scratch.dir}: the knowledge has ${total} problem(s):`);
    expect(lines.slice(1, -1)).toHaveLength(50);
    expect(lines.at(-1)).toBe(`  ... and ${total - 50} more`);
  });
});

describe('a refresh never hangs', () => {
  const fifo = async (file: string) => {
    await rm(file);
    const r = await run('mkfifo', [file]);
    if (r.code !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
  };

  it('refuses a qa.yaml that is a FIFO, and the next refresh runs', async () => {
    scratch = await copyKnowledge();
    const store = await KnowledgeStore.open(scratch.dir);
    const qa = path.join(scratch.dir, QA);
    const saved = await readFile(qa);
    await fifo(qa);
    const outcome = await store.refresh();
    expect(outcome.ok ? [] : outcome.problems.map(formatProblem)).toEqual([`${QA}: is not a regular file; refused`]);
    await rm(qa);
    await writeFile(qa, saved);
    expect((await store.refresh()).ok).toBe(true);
  });

  it('refuses a FIFO at start-up instead of waiting on it', async () => {
    scratch = await copyKnowledge();
    await fifo(path.join(scratch.dir, QA));
    const started = await tsx('src/cli.ts', ['batch'], {
      input: 'who is witkoff\n',
      env: { KNOWLEDGE_DIR: scratch.dir },
    });
    expect(started.code).toBe(1);
    expect(started.stderr).toContain(`${QA}: is not a regular file; refused`);
  });

  it('reports a refresh over its time limit as failed, keeps the old knowledge, and runs the next', async () => {
    scratch = await copyKnowledge();
    const store = await KnowledgeStore.open(scratch.dir, { refreshTimeoutMs: 1 });
    const before = store.current;
    await scratch.edit(QA, (t) => t.replace('- id: secrecy', '- id: secrecy-renamed'));
    const [slow, next] = await Promise.all([store.refresh(), store.refresh()]);
    expect(slow.ok ? [] : slow.problems.map(formatProblem)).toEqual([
      '(knowledge folder): took longer than 0.001 s to load, so it was refused; is a file very large, or on a stalled disk?',
    ]);
    expect(next.ok).toBe(false); // it ran (and met the same limit) rather than waiting behind the first
    expect(store.current).toBe(before);
  });
});

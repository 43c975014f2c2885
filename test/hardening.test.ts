import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge/load.js';
import { formatProblem } from '../src/knowledge/types.js';
import { copyKnowledge, QA } from './helpers/knowledge.js';

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

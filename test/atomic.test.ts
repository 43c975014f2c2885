import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/curation/atomic.js';

describe('writing a knowledge file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'storybot-atomic-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is never seen half-written by a reader, and leaves no temporary file', async () => {
    const file = path.join(dir, 'qa.yaml');
    const old = 'a'.repeat(2_000_000);
    const next = 'b'.repeat(2_000_000);
    await writeFile(file, old);
    let reading = true;
    const seen = new Set<string>();
    const reader = (async () => {
      while (reading) {
        const text = await readFile(file, 'utf8');
        seen.add(text === old ? 'old' : text === next ? 'new' : 'torn');
      }
    })();
    for (let i = 0; i < 10; i++) await writeFileAtomic(file, i % 2 ? old : next);
    reading = false;
    await reader;
    expect(seen.has('torn')).toBe(false);
    expect(await readdir(dir)).toEqual(['qa.yaml']);
  });

  it('leaves the old file and no temporary file when the write fails', async () => {
    const file = path.join(dir, 'qa.yaml');
    // A folder where the file should be: the final rename fails.
    await mkdir(file);
    await writeFile(path.join(file, 'inside'), 'x');
    await expect(writeFileAtomic(file, 'new')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['qa.yaml']);
  });
});

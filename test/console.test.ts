import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { runConsole } from '../src/console/console.js';
import { Dispatcher } from '../src/dispatch/dispatcher.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { createLogger } from '../src/logger.js';
import { copyKnowledge, QA, ROOT } from './helpers/knowledge.js';

let scratch: Awaited<ReturnType<typeof copyKnowledge>> | undefined;
afterEach(async () => {
  await scratch?.remove();
  scratch = undefined;
});

async function consoleOutput(store: KnowledgeStore, lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d) => (text += d));
  const dispatcher = new Dispatcher({ store, commands, rate: null });
  const done = runConsole({ dispatcher, log: createLogger({ level: 'silent' }), input, output, interactive: false });
  input.end(lines.join('\n'));
  await done;
  return text;
}

// Any C0/C1 control character but newline and tab: what a terminal would act on instead of show.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('what the console prints', () => {
  it('never passes a control sequence from an answer to the terminal', async () => {
    scratch = await copyKnowledge();
    await scratch.edit(QA, (t) =>
      t.replace(
        /answer: CNN said the effort marks.*$/m,
        'answer: "\\e]0;PWNED\\a CNN said the effort is significant."',
      ),
    );
    const out = await consoleOutput(await KnowledgeStore.open(scratch.dir), ['how significant is this']);
    expect(out).toMatch(/CNN said the effort is significant\./);
    expect(out).not.toMatch(CONTROL);
  });

  it('never passes a control sequence from a story folder’s name to the terminal', async () => {
    scratch = await copyKnowledge();
    const store = await KnowledgeStore.open(scratch.dir);
    const stories = path.join(scratch.dir, 'stories');
    await rename(path.join(stories, 'ukraine-peace-push'), path.join(stories, 'evil\u001b]0;PWNED\u0007'));
    const out = await consoleOutput(store, ['/refresh']);
    expect(out).toMatch(/^Refresh refused/);
    expect(out).toMatch(/evil\]0;PWNED/);
    expect(out).not.toMatch(CONTROL);
  });
});

describe('batch mode whose reader goes away (| head -1)', () => {
  it('stops quietly: exit 0, nothing on standard error', async () => {
    const child = spawn('npm', ['run', '--silent', 'cli', '--', 'batch', '--json'], {
      cwd: ROOT,
      env: { ...process.env, DISCORD_TOKEN: '', LOG_LEVEL: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.end('who is leading the talks\n'.repeat(3000));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

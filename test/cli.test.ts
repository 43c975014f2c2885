import { describe, expect, it } from 'vitest';
import { run, tsx } from './helpers/run.js';

describe('batch mode (npm run --silent cli -- batch --json)', () => {
  const lines = [
    'who is leading the talks',
    '/who zelenskyy',
    '/when anchorage meeting',
    '/source 2',
    'what does China think',
    '',
    '/who president',
    '/about',
  ];

  it('writes one JSON object per input line, in order, and nothing else', async () => {
    const { code, stdout } = await run('npm', ['run', '--silent', 'cli', '--', 'batch', '--json'], {
      input: lines.join('\n'),
    });
    expect(code).toBe(0);
    const out = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(lines.length);
    expect(out.map((o) => o.input)).toEqual(lines);
    for (const o of out) {
      expect(Object.keys(o)).toEqual(
        expect.arrayContaining([
          'input',
          'command',
          'status',
          'answer',
          'sources',
          'confidence',
          'entry',
          'suggestions',
          'ms',
        ]),
      );
    }
    expect(out[0]).toMatchObject({
      command: 'ask',
      status: 'answered',
      entry: 'talks-leader',
      sources: [{ story: 'ukraine-peace-push', line: 2, attribution: 'CNN' }],
    });
    expect(out[1]).toMatchObject({ command: 'who', entry: 'volodymyr-zelensky' });
    expect(out[2]).toMatchObject({ command: 'when', entry: 'anchorage-meeting-held' });
    expect(out[3]).toMatchObject({
      command: 'source',
      status: 'answered',
      answer: expect.stringMatching(/^According to the report, Steve Witkoff/),
    });
    expect(out[4]).toMatchObject({ status: 'not_found', answer: null });
    expect(out[5]).toMatchObject({ status: 'not_found', answer: null });
    // "Did you mean:" is followed, in the text a person reads, by the choices it offers.
    expect(out[6].text).toMatch(/Did you mean:\n1\. Donald Trump\n2\. /);
    expect(out[6].suggestions[0]).toMatchObject({ title: 'Donald Trump' });
    expect(typeof out[0].ms).toBe('number');
  });
});

describe('npm start without a Discord token', () => {
  it('says so in one line and answers each line of piped input, then exits', async () => {
    const { code, stdout, stderr } = await tsx('src/main.ts', [], { input: '/who peskov\n/source 6\n' });
    expect(code).toBe(0);
    expect(stderr.trim().split('\n')).toEqual([
      'No DISCORD_TOKEN set: running the local console instead of the Discord bot.',
    ]);
    expect(stdout).toMatch(/Dmitry Peskov: Kremlin spokesperson/);
    expect(stdout).toMatch(/> .*no new developments/);
    expect(stdout).toMatch(/line 6, Kremlin spokesperson Dmitry Peskov/);
  });

  it('lets the person at the console pick a did-you-mean by its number', async () => {
    const { stdout } = await tsx('src/main.ts', [], { input: '/who president\n2\n' });
    expect(stdout).toMatch(/1\. Donald Trump/);
    expect(stdout).toMatch(/Volodymyr Zelensky: Ukrainian President/);
  });
});

describe('bad configuration', () => {
  it('stops with one line naming the variable, exit code 2, and no stack trace', async () => {
    const { code, stdout, stderr } = await tsx('src/main.ts', [], { env: { LOG_LEVEL: 'loud' } });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^storybot: LOG_LEVEL must be one of/);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('never echoes a malformed token back', async () => {
    const secret = 'not-a-token-but-still-secret';
    const { code, stderr } = await tsx('src/main.ts', [], { env: { DISCORD_TOKEN: secret } });
    expect(code).toBe(2);
    expect(stderr).toMatch(/DISCORD_TOKEN/);
    expect(stderr).not.toContain(secret);
  });

  it('refuses to start on broken knowledge, listing the problems', async () => {
    const { code, stderr } = await tsx('src/main.ts', [], { env: { KNOWLEDGE_DIR: 'test' } });
    expect(code).toBe(1);
    expect(stderr).toMatch(/stories/);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

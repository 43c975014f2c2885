import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, QUESTION_OPTIONS } from '../commands/index.js';
import { runConsole } from '../src/console/console.js';
import { logQuestionsOf } from '../src/curation/question-listener.js';
import { openCuration, type Curation } from '../src/curation/services.js';
import { Dispatcher } from '../src/dispatch/dispatcher.js';
import { parseLine } from '../src/dispatch/parse-line.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { createLogger } from '../src/logger.js';
import { copyKnowledge } from './helpers/knowledge.js';

const QUESTION = 'how far along is the plan';

describe('the curator’s loop at the console', () => {
  let scratch: Awaited<ReturnType<typeof copyKnowledge>>;
  let dataDir: string;
  let curation: Curation;
  let dispatcher: Dispatcher;

  beforeAll(async () => {
    scratch = await copyKnowledge();
    dataDir = await mkdtemp(path.join(tmpdir(), 'storybot-console-state-'));
    const store = await KnowledgeStore.open(scratch.dir);
    curation = await openCuration({ dataDir, databaseUrl: null, questionLogDays: 90, hashSalt: null }, store);
    dispatcher = new Dispatcher({ store, commands, rate: null, curation });
    dispatcher.onEvent(logQuestionsOf(curation.questions, store, QUESTION_OPTIONS));
  });
  afterAll(async () => {
    await curation.close();
    await scratch.remove();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function type(lines: string[]): Promise<string> {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d) => (text += d));
    const done = runConsole({ dispatcher, log: createLogger({ level: 'silent' }), input, output, interactive: false });
    input.end(lines.join('\n'));
    await done;
    return text;
  }

  it('reads options typed as Discord shows them, name: value', () => {
    expect(parseLine(`/teach question: ${QUESTION} entry: talks-progress`, commands)).toEqual({
      name: 'teach',
      options: { question: QUESTION, entry: 'talks-progress' },
    });
    expect(parseLine('/unanswered 30', commands)).toEqual({ name: 'unanswered', options: { days: '30' } });
    expect(parseLine('who: is this about', commands)).toEqual({
      name: 'ask',
      options: { question: 'who: is this about' },
    });
  });

  it('lists what was asked in vain, teaches it, and then answers it', async () => {
    const before = await type([QUESTION, QUESTION, '/unanswered']);
    expect(before).toMatch(/“how far along is the plan” — 2 times by 1 member/);
    const taught = await type([`/teach question: ${QUESTION} entry: talks-progress`, QUESTION, '/unanswered days: 30']);
    expect(taught).toMatch(
      /^Taught\n {2}“how far along is the plan” → Are the negotiations making progress\? \(talks-progress\)/,
    );
    expect(taught).toMatch(/now answered by talks-progress/);
    const help = await type(['/help']);
    for (const name of ['/unanswered <days>', '/teach <question> <entry>', '/knowledge <action> <file> <story>']) {
      expect(help).toContain(name);
    }
    const history = await type(['/knowledge action: history']);
    expect(history).toMatch(/console · teach stories\/ukraine-peace-push\/qa\.yaml: talks-progress/);
  });
});

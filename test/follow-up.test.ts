import { beforeAll, describe, expect, it } from 'vitest';
import { answer, type KnowledgeBase } from '../src/engine/answer.js';
import { conversationOf, followUp, subjectsOf } from '../src/engine/follow-up.js';
import { shippedKnowledgeBase } from './helpers/knowledge.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await shippedKnowledgeBase();
});

/** Asks `text` as a reply to an answer with `entry`: the rewritten question and its answer. */
const after = (entry: string | null, text: string) => {
  const f = followUp(kb, entry ? { entry } : null, text);
  return { ...f, answer: answer(kb, { lookup: 'ask', text: f.question }) };
};

describe('a follow-up to an answer about Driscoll’s visit', () => {
  it('names Driscoll first among the people the answer is about', () => {
    expect(subjectsOf(kb, 'driscoll-visit')?.people[0]?.name).toBe('Dan Driscoll');
  });

  it('reads “when did he arrive?” as asking when Driscoll arrived, and answers Wednesday from line 3', () => {
    const f = after('driscoll-visit', 'when did he arrive?');
    expect(f.question).toBe('when did Dan Driscoll arrive?');
    expect(f.replaced).toEqual([['he', 'Dan Driscoll']]);
    expect(f.meaning).toBeNull();
    expect(f.answer.status).toBe('answered');
    expect(f.answer.text).toMatch(/^Wednesday/);
    expect(f.answer.sources[0]?.line).toBe(3);
  });
});

describe('a follow-up that is only a question word', () => {
  it('asks the answered question again with it: “and when?” after why Driscoll went answers Wednesday', () => {
    const f = after('driscoll-visit', 'and when?');
    expect(f.question).toBe('when did Army Secretary Driscoll go to Ukraine?');
    expect(f.answer.text).toMatch(/^Wednesday/);
  });

  it('is left alone after a question whose question word is its subject or object', () => {
    const f = after('talks-leader', 'and why?');
    expect(f.question).toBe('why?');
    expect(f.meaning).toMatch(/couldn't tell what “why\?” refers to/);
  });
});

describe('a follow-up to an answer about who leads the talks', () => {
  it('keeps the topic: “and what did the Kremlin say about it?” asks about the talks', () => {
    const f = after('talks-leader', 'and what did the Kremlin say about it?');
    expect(f.question).toBe('what did the Kremlin say about the talks?');
    expect(f.answer.status).toBe('answered');
    expect(f.answer.sources.map((s) => s.line)).toContain(6);
  });

  it('reads “he” as the envoy the answer named', () => {
    const f = after('talks-leader', 'who does he work for?');
    expect(f.question).toBe('who does Steve Witkoff work for?');
    expect(f.answer.entry).toBe('steve-witkoff');
  });

  it('leaves “that” alone when it comes with its own noun', () => {
    expect(after('talks-leader', 'is that deal done?').question).toBe('is that deal done?');
  });
});

describe('a follow-up that cannot be resolved', () => {
  it('says what it took the question to mean when the earlier answer is gone', () => {
    const f = after(null, 'when did he arrive?');
    expect(f.question).toBe('when did he arrive?');
    expect(f.meaning).toMatch(/read “he” on its own: “when did he arrive\?”/);
  });

  it('says so when the earlier answer names nobody “he” could be', () => {
    const f = followUp(kb, { entry: 'no-such-entry' }, 'what did she say?');
    expect(f.meaning).toMatch(/“she”/);
  });

  it('passes a question with nothing to resolve through as it is', () => {
    expect(after('talks-leader', 'who is Peskov?')).toMatchObject({
      question: 'who is Peskov?',
      replaced: [],
      meaning: null,
    });
  });
});

describe('an answer the bot did not keep', () => {
  it('is found again from the question it showed', () => {
    expect(conversationOf(kb, 'why did Driscoll go to Ukraine?')).toEqual({ entry: 'driscoll-visit' });
  });

  it('is no context when that question has no answer', () => {
    expect(conversationOf(kb, 'what does China think?')).toBeNull();
  });
});

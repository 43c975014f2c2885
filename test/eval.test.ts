import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../src/engine/answer.js';
import { fullScanAnswerer } from '../src/evaluation/baseline.js';
import {
  engineAnswerer,
  evaluate,
  isRight,
  loadEvalSet,
  type EvalItem,
  type EvalReport,
} from '../src/evaluation/evaluate.js';
import { reasonJudge } from '../src/evaluation/reasons.js';
import { KNOWLEDGE_DIR, shippedKnowledgeBase } from './helpers/knowledge.js';

/**
 * The levels reached on knowledge/eval (npm run eval). A change that answers fewer questions
 * right, or answers one the report cannot, fails here; raise these when the engine improves.
 */
const REACHED = { answerable: 86 / 86, declined: 27 / 27 };
/** knowledge/eval/holdout.yaml, never tuned on: 21/22 answerable, 7/8 declined (a yes/no premise needs its word in the evidence). */
const HOLDOUT_REACHED = { answerable: 21 / 22, declined: 7 / 8 };

let kb: KnowledgeBase;
let items: EvalItem[];
let engine: EvalReport;
beforeAll(async () => {
  kb = await shippedKnowledgeBase();
  items = await loadEvalSet(path.join(KNOWLEDGE_DIR, 'eval/questions.yaml'));
  engine = evaluate(items, engineAnswerer(kb));
});

const misses = () => engine.misses.map((m) => `${m.item.command} ${m.item.q} -> ${m.got.status} ${m.got.entry}`);

describe('the evaluation set', () => {
  it('holds at least 80 questions, at least 20 of them not answerable', () => {
    expect(items.length).toBeGreaterThanOrEqual(80);
    expect(engine.unanswerable.total).toBeGreaterThanOrEqual(20);
  });

  it('expects only entries that exist', () => {
    const unknown = items
      .flatMap((i) => ('entries' in i.expect ? i.expect.entries : []))
      .filter((e) => !e.startsWith('line:') && !kb.index.byId.has(e));
    expect(unknown).toEqual([]);
  });
});

describe('the engine on the evaluation set', () => {
  it('answers answerable questions with the right entry at the level reached', () => {
    expect(engine.answerable.correct / engine.answerable.total, misses().join('\n')).toBeGreaterThanOrEqual(
      REACHED.answerable,
    );
  });

  it('declines questions the report does not answer at the level reached', () => {
    expect(engine.unanswerable.declined / engine.unanswerable.total, misses().join('\n')).toBeGreaterThanOrEqual(
      REACHED.declined,
    );
  });

  it('is at least as accurate as a plain fuse.js full scan', () => {
    const baseline = evaluate(items, fullScanAnswerer(kb.knowledge));
    const right = (r: EvalReport) => r.answerable.correct + r.unanswerable.declined;
    expect(right(engine)).toBeGreaterThanOrEqual(right(baseline));
    expect(engine.answerable.correct).toBeGreaterThanOrEqual(baseline.answerable.correct);
  });
});

describe('the engine on the held-out set', () => {
  it('stays at the level reached on questions it was never tuned on', async () => {
    const holdout = evaluate(await loadEvalSet(path.join(KNOWLEDGE_DIR, 'eval/holdout.yaml')), engineAnswerer(kb));
    const missed = holdout.misses.map((m) => `${m.item.q} -> ${m.got.status} ${m.got.entry}`).join('\n');
    expect(holdout.answerable.correct / holdout.answerable.total, missed).toBeGreaterThanOrEqual(
      HOLDOUT_REACHED.answerable,
    );
    expect(holdout.unanswerable.declined / holdout.unanswerable.total, missed).toBeGreaterThanOrEqual(
      HOLDOUT_REACHED.declined,
    );
  });
});

/**
 * knowledge/eval/natural-*.yaml (npm run eval): questions written blind, the way members type.
 * The tuning part was tuned on; the held-out part never was. Raise these when the engine improves.
 */
const NATURAL_REACHED = {
  tune: { answerable: 190 / 219, declined: 88 / 101 },
  holdout: { answerable: 111 / 147, declined: 53 / 67 },
};

describe('the engine on the natural questions', () => {
  for (const part of ['tune', 'holdout'] as const) {
    it(`stays at the level reached on the ${part === 'tune' ? 'tuning' : 'held-out'} part`, async () => {
      const set = await loadEvalSet(path.join(KNOWLEDGE_DIR, `eval/natural-${part}.yaml`));
      const r = evaluate(set, engineAnswerer(kb));
      // Only counts: the held-out questions are not for reading while tuning.
      expect(r.answerable.correct / r.answerable.total).toBeGreaterThanOrEqual(NATURAL_REACHED[part].answerable);
      expect(r.unanswerable.declined / r.unanswerable.total).toBeGreaterThanOrEqual(NATURAL_REACHED[part].declined);
    });
  }

  it('never gives a false reason on the tuning part: no "doesn\'t mention" of a word the report uses or that names nothing', async () => {
    const set = await loadEvalSet(path.join(KNOWLEDGE_DIR, 'eval/natural-tune.yaml'));
    const judge = reasonJudge(kb.knowledge.stories[0]!.lines.join('\n'));
    const r = evaluate(set, engineAnswerer(kb), judge);
    expect(r.falseReasons.map((f) => `${f.item.q}: ${f.words.join(', ')}`)).toEqual([]);
  });

  it('never gives a false reason on the held-out part (counted, not shown)', async () => {
    const set = await loadEvalSet(path.join(KNOWLEDGE_DIR, 'eval/natural-holdout.yaml'));
    const judge = reasonJudge(kb.knowledge.stories[0]!.lines.join('\n'));
    expect(evaluate(set, engineAnswerer(kb), judge).falseReasons.length).toBe(0);
  });
});

describe('judging a decline', () => {
  it('counts "doesn\'t mention" of a word the report uses, or of filler, as a false reason', () => {
    const judge = reasonJudge('Steve Witkoff has been leading the talks.');
    expect(judge("The report doesn't mention “led”.", 'who led the talks')).toEqual(['led']);
    expect(judge("The report doesn't mention “kindly”.", 'kindly tell me who leads')).toEqual(['kindly']);
    expect(judge("The report doesn't mention “China”.", 'what does China think')).toEqual([]);
    // A name a letter from a function word ("UK": "up") names something; text-speak ("wat") does not.
    expect(judge("The report doesn't mention “UK”.", 'what did the UK say')).toEqual([]);
    expect(judge("The report doesn't mention “wat”.", 'wat did he say')).toEqual(['wat']);
  });

  it('judges a yes/no reply by its first word and a compound one part by part', () => {
    const yesno = {
      q: 'is it a 20 point plan',
      command: 'ask' as const,
      expect: { lines: [5], polarity: 'no' as const },
    };
    expect(
      isRight(yesno, { status: 'answered', entry: 'x', confidence: 1, lines: [5], text: 'No. A 28-point draft.' }),
    ).toBe(true);
    expect(
      isRight(yesno, { status: 'answered', entry: 'x', confidence: 1, lines: [5], text: 'Yes. A 28-point draft.' }),
    ).toBe(false);
    const multi = { q: 'when and who', command: 'ask' as const, expect: { lines: [3, 4], parts: [[3], [4]] } };
    const part = (line: number) => ({ status: 'answered' as const, entry: 'x', confidence: 1, lines: [line] });
    expect(isRight(multi, { ...part(3), parts: [part(3), part(4)] })).toBe(true);
    expect(isRight(multi, { ...part(3), parts: [part(3), part(3)] })).toBe(false);
  });
});

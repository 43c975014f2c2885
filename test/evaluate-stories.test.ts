import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../src/engine/answer.js';
import { engineAnswerer, evaluate, loadEvalSet, sameEntry } from '../src/evaluation/evaluate.js';
import { generateKnowledge } from '../src/evaluation/generate.js';
import { ROOT, shippedKnowledgeBase } from './helpers/knowledge.js';

describe('scoring an entry set with many stories loaded', () => {
  it('counts an answer named story/id as the entry the set names by id', async () => {
    const shipped = await shippedKnowledgeBase();
    const items = await loadEvalSet(path.join(ROOT, 'knowledge/eval/questions.yaml'));
    const alone = evaluate(items, engineAnswerer(shipped));
    const many = buildKnowledgeBase(generateKnowledge(shipped.knowledge, 300, 42, 4));
    const answer = engineAnswerer(many)('ask', 'who is leading the talks');
    expect(answer.entry).toMatch(/^ukraine-peace-push\//);
    const among = evaluate(items, engineAnswerer(many));
    expect(among.answerable.correct).toBeGreaterThan(alone.answerable.correct * 0.9);
  });

  it('never counts an entry of another story, or another entry, as right', () => {
    expect(sameEntry('talks-leader', 'ukraine-peace-push/talks-leader')).toBe(true);
    expect(sameEntry('ukraine-peace-push/talks-leader', 'talks-leader')).toBe(true);
    expect(sameEntry('ukraine-peace-push/talks-leader', 'other-story/talks-leader')).toBe(false);
    expect(sameEntry('talks-leader', 'ukraine-peace-push/talks-leader-2')).toBe(false);
    expect(sameEntry('talks-leader', null)).toBe(false);
  });
});

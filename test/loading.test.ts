import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { answer, buildKnowledgeBase } from '../src/engine/answer.js';
import { generateKnowledge } from '../src/evaluation/generate.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { loadEvalSet } from '../src/evaluation/evaluate.js';
import { writeKnowledge } from '../scripts/shared.js';
import { KNOWLEDGE_DIR, ROOT } from './helpers/knowledge.js';
import path from 'node:path';

describe('loading normalises each phrasing once for validation and indexing', () => {
  it('indexes what it loaded exactly as it indexes a copy that was never validated, and answers alike', async () => {
    const shipped = await loadKnowledge(KNOWLEDGE_DIR);
    if (!shipped.ok) throw new Error('shipped knowledge does not load');
    const dir = await writeKnowledge(generateKnowledge(shipped.knowledge, 400, 3, 3));
    try {
      const loaded = await loadKnowledge(dir);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems.slice(0, 3)));
      const fromLoader = buildKnowledgeBase(loaded.knowledge);
      // A copy, as the load worker sends it: nothing remembered about its entries.
      const fromCopy = buildKnowledgeBase(structuredClone(loaded.knowledge));
      const index = (kb: typeof fromLoader) => ({
        docTerms: kb.index.docTerms,
        postings: [...kb.index.postings],
        phrasingEntries: [...kb.index.phrasingEntries],
        answerOnlyEntries: [...kb.index.answerOnlyEntries],
        idf: [...kb.index.idf],
        vocabulary: [...kb.index.vocabulary],
        entryPhrasingTerms: kb.index.entryPhrasingTerms,
        entryAnswerTerms: kb.index.entryAnswerTerms,
      });
      expect(index(fromLoader)).toEqual(index(fromCopy));
      const items = await loadEvalSet(path.join(ROOT, 'knowledge/eval/questions.yaml'));
      for (const item of items.slice(0, 40)) {
        const request = { lookup: item.command, text: item.q };
        expect(answer(fromLoader, request)).toEqual(answer(fromCopy, request));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

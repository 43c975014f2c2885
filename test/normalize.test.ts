import { describe, expect, it } from 'vitest';
import { normalize, normalizeUnicode } from '../src/engine/text.js';
import { shippedKnowledgeBase } from './helpers/knowledge.js';

describe('normalising text', () => {
  it('folds plain and typographic text exactly as the full Unicode folding does', async () => {
    const kb = await shippedKnowledgeBase();
    const texts = [
      'Trump’s “28-point” plan — U.S.–Russia talks… F35s',
      'don’t ask: the U. S. and the United States; TL;DR',
      'isn\u02bct it «Kyiv»\u00a0now? `quoted`',
      'Zelenskyy’s café, naïve résumé´',
      ...kb.knowledge.entries.flatMap((e) => [e.answer, ...e.phrasings]),
      ...kb.knowledge.stories.flatMap((s) => s.lines),
    ];
    for (const text of texts) expect(normalize(text)).toBe(normalizeUnicode(text));
    expect(normalize('Trump’s “28-point” plan — U.S.–Russia talks… F35s')).toBe(
      'trump 28 point plan us russia talks f 35 s',
    );
  });
});

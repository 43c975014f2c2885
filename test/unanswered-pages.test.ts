import { describe, expect, it } from 'vitest';
import { paginate } from '../src/curation/describe.js';

describe('paging a long /unanswered report', () => {
  const report = [
    'Most asked without an answer, last 7 days:',
    ...Array.from({ length: 30 }, (_, i) => [
      `${i + 1}. “question number ${i + 1} ${'x'.repeat(150)}” — 3 times by 3 members, last just now`,
      `   closest: ${'An entry title (entry-id); '.repeat(6)}`,
    ]).flat(),
  ];

  it('keeps every page under the budget and every line once, in order', () => {
    const pages = paginate(report, 3500);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page.join('\n').length).toBeLessThanOrEqual(3500);
    expect(pages.flat()).toEqual(report);
  });

  it('never separates a question from the suggestions under it', () => {
    for (const page of paginate(report, 3500)) expect(page[0]).not.toMatch(/^\s/);
  });
});

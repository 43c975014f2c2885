import { describe, expect, it } from 'vitest';
import { completeEntries } from '../src/curation/complete-entries.js';
import { shippedKnowledgeBase } from './helpers/knowledge.js';

describe('choosing the entry to teach a question to', () => {
  it('finds an entry by words of its question', async () => {
    const choices = completeEntries(await shippedKnowledgeBase(), 'negotiations progress', 25);
    expect(choices[0]).toEqual({
      label: 'Are the negotiations making progress? (talks-progress)',
      id: 'talks-progress',
    });
  });

  it('finds the entries that mention a person typed by an alias', async () => {
    const ids = completeEntries(await shippedKnowledgeBase(), 'Witkoff', 25).map((c) => c.id);
    expect(ids).toContain('talks-leader');
    expect(ids).not.toContain('steve-witkoff');
  });

  it('offers entries, never people, when nothing is typed, within the limit', async () => {
    const kb = await shippedKnowledgeBase();
    const choices = completeEntries(kb, '', 25);
    expect(choices).toHaveLength(25);
    const people = new Set(kb.knowledge.entries.filter((e) => e.kind === 'person').map((e) => e.id));
    expect(choices.some((c) => people.has(c.id))).toBe(false);
  });
});

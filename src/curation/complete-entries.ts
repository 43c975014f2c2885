import type { KnowledgeBase } from '../engine/answer.js';
import { normalize } from '../engine/text.js';

export interface EntryChoice {
  /** What the moderator sees: the entry's question (or event), and its id. */
  label: string;
  id: string;
}

/**
 * Entries a question can be taught to, for what a moderator is typing: by words of the entry's
 * question or id, or by a person's name or alias, which finds the entries that mention them.
 * People themselves are found by name, not taught questions, so they are not offered.
 */
export function completeEntries(kb: KnowledgeBase, typed: string, limit: number): EntryChoice[] {
  const words = normalize(typed).split(' ').filter(Boolean);
  const entries = kb.knowledge.entries.filter((e) => e.kind !== 'person');
  const choice = (e: (typeof entries)[number]) => ({ label: `${e.title} (${e.id})`, id: e.id });
  if (!words.length) return entries.slice(0, limit).map(choice);
  // A person typed by name or alias stands for every way the report names them.
  const names = new Set(words);
  for (const p of kb.knowledge.entries) {
    if (p.kind !== 'person') continue;
    const aliases = [p.name, ...p.aliases].map(normalize);
    if (aliases.some((a) => a === words.join(' ') || a.split(' ').includes(words.join(' ')))) {
      for (const a of aliases) names.add(a);
    }
  }
  const scored = entries
    .map((e) => {
      const title = ` ${normalize(`${e.title} ${e.id.replace(/-/g, ' ')}`)} `;
      const body = ` ${normalize(e.answer)} `;
      const inTitle = words.filter((w) => title.includes(` ${w}`)).length;
      const mentions = [...names].some((n) => body.includes(` ${n} `)) ? 1 : 0;
      return { e, score: inTitle * 2 + mentions, inTitle };
    })
    .filter((s) => s.inTitle === words.length || s.score >= 1 + (words.length > 1 ? 1 : 0))
    .sort((a, b) => b.score - a.score);
  return scored.slice(0, limit).map((s) => choice(s.e));
}

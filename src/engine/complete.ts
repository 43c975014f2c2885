import type { EventEntry, PersonEntry } from '../knowledge/types.js';
import type { KnowledgeBase } from './answer.js';
import { normalize } from './text.js';

/** Autocomplete for /who and /when: best first; with nothing typed, everything in report order. */
export interface Completion {
  /** The entry id: picking a completion answers exactly that entry. */
  id: string;
  label: string;
}

export function completePeople(kb: KnowledgeBase, typed: string, limit: number): Completion[] {
  const { index } = kb;
  const query = normalize(typed);
  const people = query
    ? index.aliasFuse.search(query, { limit: limit * 4 }).map((hit) => index.entries[hit.item.entry] as PersonEntry)
    : index.entries.filter((e): e is PersonEntry => e.kind === 'person');
  return unique(people)
    .slice(0, limit)
    .map((p) => ({ id: p.id, label: `${p.name} (${p.role})` }));
}

export function completeEvents(kb: KnowledgeBase, typed: string, limit: number): Completion[] {
  const { index } = kb;
  const query = normalize(typed);
  const events = query
    ? index.eventFuse.search(query, { limit }).map((hit) => hit.item)
    : index.entries.filter((e): e is EventEntry => e.kind === 'event');
  return unique(events)
    .slice(0, limit)
    .map((e) => ({ id: e.id, label: `${e.event} (${e.when})` }));
}

function unique<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.id) && seen.add(i.id));
}

import type { Entry, EventEntry, PersonEntry } from '../knowledge/types.js';
import type { KnowledgeBase } from './answer.js';
import { clip, normalize } from './text.js';

/** Autocomplete for /who, /when and the `story` option: best first; with nothing typed, everything in order. */
export interface Completion {
  /** The entry id (`story/id` when several stories are loaded): picking it answers exactly that entry. */
  id: string;
  label: string;
}

export function completePeople(kb: KnowledgeBase, typed: string, limit: number): Completion[] {
  const { index } = kb;
  const query = normalize(typed);
  const people = query
    ? index.aliasFuse.search(query, { limit: limit * 4 }).map((hit) => index.entries[hit.item.entry] as PersonEntry)
    : index.entries.filter((e): e is PersonEntry => e.kind === 'person');
  return unique(kb, people)
    .slice(0, limit)
    .map((p) => ({ id: refOf(kb, p), label: labelOf(kb, p, `${p.name} (${p.role})`) }));
}

export function completeEvents(kb: KnowledgeBase, typed: string, limit: number): Completion[] {
  const { index } = kb;
  const query = normalize(typed);
  const events = query
    ? index.eventFuse.search(query, { limit }).map((hit) => hit.item)
    : index.entries.filter((e): e is EventEntry => e.kind === 'event');
  return unique(kb, events)
    .slice(0, limit)
    .map((e) => ({ id: refOf(kb, e), label: labelOf(kb, e, `${e.event} (${e.when})`) }));
}

/** The loaded stories whose title or id holds what was typed (all of them for nothing typed). */
export function completeStories(kb: KnowledgeBase, typed: string, limit: number): Completion[] {
  const query = normalize(typed);
  return kb.knowledge.stories
    .filter((s) => !query || normalize(`${s.title} ${s.id}`).includes(query))
    .slice(0, limit)
    .map((s) => ({ id: s.id, label: s.title }));
}

const many = (kb: KnowledgeBase) => kb.knowledge.stories.length > 1;
const refOf = (kb: KnowledgeBase, e: Entry) => (many(kb) ? `${e.story}/${e.id}` : e.id);

/** With several stories, a choice says which story it is from. */
function labelOf(kb: KnowledgeBase, e: Entry, label: string): string {
  if (!many(kb)) return label;
  const story = kb.knowledge.stories.find((s) => s.id === e.story);
  return `${label} — ${clip(story?.title ?? e.story, 40)}`;
}

function unique<T extends Entry>(kb: KnowledgeBase, items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(refOf(kb, i)) && seen.add(refOf(kb, i)));
}

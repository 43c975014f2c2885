import type { PersonEntry } from '../knowledge/types.js';
import type { SearchIndex } from './search-index.js';
import { normalize, typoDistance } from './text.js';
import type { Tuning } from './tuning.js';
import { typoBudget } from './typo.js';

export interface PersonScore {
  person: PersonEntry;
  score: number;
}

/**
 * People ranked by how well the typed words match one of their names or aliases: fuse.js shortlists
 * aliases, then each typed word must be an alias word or within a typo of one. The score is 1 for
 * an alias typed in full and falls as the alias has words that were not typed.
 */
export function rankPeople(index: SearchIndex, text: string, tuning: Tuning): PersonScore[] {
  const typed = normalize(text)
    .split(' ')
    .filter((w) => w && !NAME_FILLER.has(w));
  if (typed.length === 0) return [];
  const best = new Map<string, PersonScore>();
  for (const hit of index.aliasFuse.search(typed.join(' '), { limit: 30 })) {
    const person = index.entries[hit.item.entry] as PersonEntry;
    const aliasWords = hit.item.alias.split(' ').filter((w) => !NAME_FILLER.has(w));
    const used = coveredAliasWords(typed, aliasWords);
    if (!used) continue;
    const score = tuning.personBase + (1 - tuning.personBase) * (used.size / aliasWords.length);
    const prev = best.get(person.id);
    if (!prev || score > prev.score) best.set(person.id, { person, score });
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/** The alias words the typed words stand for, one each; undefined if a typed word matches none. */
function coveredAliasWords(typed: readonly string[], aliasWords: readonly string[]): Set<number> | undefined {
  const used = new Set<number>();
  for (const t of typed) {
    const budget = typoBudget(t.length);
    const at = aliasWords.findIndex((a, i) => !used.has(i) && (a === t || typoDistance(a, t, budget) <= budget));
    if (at < 0) return undefined;
    used.add(at);
  }
  return used;
}

const NAME_FILLER: ReadonlySet<string> = new Set(['the', 'of', 'a', 'an', 'mr', 'mrs', 'ms']);

/**
 * The people a text names, in the order it first names them: by a word of their name as the
 * index spells it ("Driscoll", "Zelensky"), titles aside.
 */
export function peopleNamedIn(index: SearchIndex, text: string): PersonEntry[] {
  const words = normalize(text).split(' ');
  return index.people
    .map((p) => ({
      p,
      at: words.findIndex((w) => !NAME_FILLER.has(w) && normalize(p.name).split(' ').includes(w)),
    }))
    .filter((n) => n.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((n) => n.p);
}

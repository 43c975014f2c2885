import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import type { Lookup } from '../engine/answer.js';
import type { Entry, EntryKind, Knowledge } from '../knowledge/types.js';
import type { Answerer, Verdict } from './evaluate.js';

/**
 * Two well-known search libraries as anchors beside the engine, on the same entries and
 * questions (`npm run bench`): each indexes every entry's phrasings and answer, and answers with
 * its top hit, as the fuse.js full scan does (src/evaluation/baseline.ts). Development only.
 */
export type Peer = 'MiniSearch' | 'FlexSearch';

/** Finds the best entry for a text among `entries`, if any. */
type TopHit = (text: string) => { entry: Entry; confidence: number } | undefined;

const KINDS: Record<'ask' | 'who' | 'when', EntryKind[]> = {
  ask: ['qa', 'person', 'event', 'gap'],
  who: ['person'],
  when: ['event', 'gap'],
};

export function peerAnswerer(peer: Peer, knowledge: Knowledge): Answerer {
  const make = peer === 'MiniSearch' ? miniSearch : flexSearch;
  const searches = Object.fromEntries(
    Object.entries(KINDS).map(([lookup, kinds]) => [
      lookup,
      make(knowledge.entries.filter((e) => kinds.includes(e.kind))),
    ]),
  ) as Record<'ask' | 'who' | 'when', TopHit>;
  const lines = knowledge.stories[0]!.lines;
  return (command: Lookup, text: string): Verdict => {
    if (command === 'entry') return none;
    if (command === 'source') {
      const n = Number(text.trim());
      if (Number.isInteger(n) && n >= 1 && n <= lines.length)
        return { status: 'answered', entry: `line:${n}`, confidence: 1, lines: [n], text: lines[n - 1]! };
      return none;
    }
    const hit = searches[command](text);
    if (!hit) return none;
    if (hit.entry.kind === 'gap') return { ...none, entry: hit.entry.id };
    return {
      status: 'answered',
      entry: hit.entry.id,
      confidence: hit.confidence,
      lines: hit.entry.sources.map((s) => s.line),
      text: hit.entry.answer,
    };
  };
}

const none: Verdict = { status: 'not_found', entry: null, confidence: 0 };

function documentOf(e: Entry, i: number) {
  return { i, phrasings: e.phrasings.join('\n'), answer: e.answer };
}

/** MiniSearch with the options its documentation suggests for typed queries: fuzzy and prefix. */
function miniSearch(entries: readonly Entry[]): TopHit {
  const index = new MiniSearch({
    idField: 'i',
    fields: ['phrasings', 'answer'],
    searchOptions: { boost: { phrasings: 2 }, fuzzy: 0.2, prefix: true },
  });
  index.addAll(entries.map(documentOf));
  return (text) => {
    const top = index.search(text)[0];
    return top ? { entry: entries[top.id as number]!, confidence: 1 } : undefined;
  };
}

/** FlexSearch with forward tokenising and suggestions (partial matches), its usual setup for search-as-you-type. */
function flexSearch(entries: readonly Entry[]): TopHit {
  const index = new FlexSearch.Index({ tokenize: 'forward' });
  entries.forEach((e, i) => index.add(i, `${e.phrasings.join('\n')}\n${e.answer}`));
  return (text) => {
    const top = index.search(text, { limit: 1, suggest: true })[0];
    return top === undefined ? undefined : { entry: entries[Number(top)]!, confidence: 1 };
  };
}

import Fuse from 'fuse.js';
import type { Lookup } from '../engine/answer.js';
import type { Entry, EntryKind, Knowledge } from '../knowledge/types.js';
import type { Answerer, Verdict } from './evaluate.js';

/**
 * The yardstick: a plain fuse.js full scan over every entry's phrasings and answer, taking the
 * top hit as the answer when fuse.js returns one. Used by `npm run eval` and `npm run bench` to
 * show what the engine's index and thresholds buy over the obvious approach.
 */
export function fullScanAnswerer(knowledge: Knowledge): Answerer {
  const byKinds = (kinds: EntryKind[]) => fullScanFuse(knowledge.entries.filter((e) => kinds.includes(e.kind)));
  const fuses: Record<Exclude<Lookup, 'source' | 'entry'>, Fuse<Entry>> = {
    ask: byKinds(['qa', 'person', 'event', 'gap']),
    who: byKinds(['person']),
    when: byKinds(['event', 'gap']),
  };
  const lines = knowledge.stories[0]!.lines.map((text, i) => ({ line: i + 1, text }));
  const lineFuse = new Fuse(lines, { keys: ['text'], includeScore: true, ignoreLocation: true });

  return (command, text): Verdict => {
    if (command === 'source') {
      const n = Number(text.trim());
      if (Number.isInteger(n) && n >= 1 && n <= lines.length)
        return { status: 'answered', entry: `line:${n}`, confidence: 1, lines: [n], text: lines[n - 1]!.text };
      const hit = lineFuse.search(text, { limit: 1 })[0];
      return hit
        ? {
            status: 'answered',
            entry: `line:${hit.item.line}`,
            confidence: 1 - (hit.score ?? 1),
            lines: [hit.item.line],
            text: hit.item.text,
          }
        : none;
    }
    if (command === 'entry') return none;
    const hit = fuses[command].search(text, { limit: 1 })[0];
    if (!hit) return none;
    // A gap entry is the report saying it does not know: that is a decline.
    if (hit.item.kind === 'gap') return { ...none, entry: hit.item.id };
    return {
      status: 'answered',
      entry: hit.item.id,
      confidence: 1 - (hit.score ?? 1),
      lines: hit.item.sources.map((s) => s.line),
      text: hit.item.answer,
    };
  };
}

const none: Verdict = { status: 'not_found', entry: null, confidence: 0 };

/** The full scan itself: every entry's phrasings and answer, fuse.js's defaults but location ignored. */
export function fullScanFuse(entries: readonly Entry[]): Fuse<Entry> {
  return new Fuse<Entry>([...entries], {
    keys: [
      { name: 'phrasings', weight: 2 },
      { name: 'answer', weight: 1 },
    ],
    includeScore: true,
    ignoreLocation: true,
  });
}

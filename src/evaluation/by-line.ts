import type { Knowledge } from '../knowledge/types.js';
import type { Answerer, EvalItem } from './evaluate.js';

/**
 * Scoring knowledge whose entries are not the curated ones (a draft) by line: an expectation that
 * names curated entries becomes the lines those entries cite, and a reply counts by the line it
 * quotes first (a drafted person cites several lines; the first is where the report names them).
 */
export function asLineExpectations(items: readonly EvalItem[], curated: Knowledge): EvalItem[] {
  return items.map((item) => {
    if (!('entries' in item.expect)) return item;
    const lines = new Set<number>();
    for (const id of item.expect.entries) {
      const line = /^line:(\d+)$/.exec(id);
      if (line) lines.add(Number(line[1]));
      for (const s of curated.entries.find((e) => e.id === id)?.sources ?? []) lines.add(s.line);
    }
    return { ...item, expect: { lines: [...lines] } };
  });
}

export function firstLineOnly(answerer: Answerer): Answerer {
  return (command, text) => {
    const got = answerer(command, text);
    return { ...got, lines: got.lines?.slice(0, 1) ?? [] };
  };
}

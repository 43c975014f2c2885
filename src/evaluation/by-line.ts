import { answer, type KnowledgeBase } from '../engine/answer.js';
import type { Knowledge } from '../knowledge/types.js';
import { isDecline, type EvalItem } from './evaluate.js';

/**
 * Scoring by line: for knowledge whose entries are not the curated ones (a draft), an answer is
 * right when the line it quotes first is a line the curated answer cites. Expectations name
 * curated entries (or `line:N`); the curated knowledge turns them into lines.
 */
export interface LineReport {
  answerable: { total: number; correct: number };
  unanswerable: { total: number; declined: number };
  /** Answers given that quote a line the curated answer does not cite. */
  wrong: number;
  misses: { item: EvalItem; got: string }[];
}

export function expectedLines(item: EvalItem, curated: Knowledge): Set<number> {
  const lines = new Set<number>();
  for (const e of item.expect) {
    const m = /^line:(\d+)$/.exec(e);
    if (m) lines.add(Number(m[1]));
    const entry = curated.entries.find((x) => x.id === e);
    for (const s of entry?.sources ?? []) lines.add(s.line);
  }
  return lines;
}

export function evaluateByLine(items: readonly EvalItem[], kb: KnowledgeBase, curated: Knowledge): LineReport {
  const report: LineReport = {
    answerable: { total: 0, correct: 0 },
    unanswerable: { total: 0, declined: 0 },
    wrong: 0,
    misses: [],
  };
  for (const item of items) {
    const got = answer(kb, { lookup: item.command, text: item.q });
    const line = got.status === 'answered' ? got.sources[0]?.line : undefined;
    const describe = () => (line === undefined ? got.status : `answered from line ${line} (${got.entry})`);
    if (isDecline(item)) {
      report.unanswerable.total++;
      if (line === undefined) report.unanswerable.declined++;
      else report.misses.push({ item, got: describe() });
      continue;
    }
    report.answerable.total++;
    const lines = expectedLines(item, curated);
    if (line !== undefined && lines.has(line)) report.answerable.correct++;
    else {
      if (line !== undefined) report.wrong++;
      report.misses.push({ item, got: `${describe()}; expected line ${[...lines].join(' or ')}` });
    }
  }
  return report;
}

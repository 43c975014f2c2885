import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { answer, type KnowledgeBase } from '../engine/answer.js';

/**
 * Routing among stories: does each question go to the story that answers it (answered from it, or
 * "did you mean" with choices from it alone), and does a question two stories answer about equally
 * ask which one? Answered counts apart: routing right is not the same as answering.
 */
const itemSchema = z.strictObject({ q: z.string().min(1), story: z.string().min(1) });
export type RoutingItem = z.infer<typeof itemSchema>;

export async function loadRoutingSet(file: string): Promise<RoutingItem[]> {
  return z.array(itemSchema).parse(parse(await readFile(file, 'utf8')));
}

export interface RoutingReport {
  routed: { total: number; right: number; answered: number };
  ambiguous: { total: number; asked: number };
  misses: { item: RoutingItem; got: string }[];
}

export function evaluateRouting(kb: KnowledgeBase, items: readonly RoutingItem[]): RoutingReport {
  const report: RoutingReport = {
    routed: { total: 0, right: 0, answered: 0 },
    ambiguous: { total: 0, asked: 0 },
    misses: [],
  };
  for (const item of items) {
    const a = answer(kb, { lookup: 'ask', text: item.q });
    const from = a.status === 'answered' ? a.sources[0]?.story : undefined;
    const offered = new Set(a.suggestions.map((s) => s.story));
    const got = from ? `answered from ${from}` : `${a.status} (choices from ${[...offered].join(', ') || 'none'})`;
    if (item.story === 'ask') {
      report.ambiguous.total++;
      if (a.status === 'unsure' && offered.size > 1) report.ambiguous.asked++;
      else report.misses.push({ item, got });
    } else {
      report.routed.total++;
      if (from === item.story) report.routed.answered++;
      const onlyThere = a.status === 'unsure' && offered.size === 1 && offered.has(item.story);
      // "The report doesn't say. What it does say: …" quoting only that story went to the right one.
      const citedThere = a.sources.length > 0 && a.sources.every((s) => s.story === item.story);
      if (from === item.story || onlyThere || citedThere) report.routed.right++;
      else report.misses.push({ item, got });
    }
  }
  return report;
}

import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Answer, Lookup, KnowledgeBase } from '../engine/answer.js';
import { answer } from '../engine/answer.js';

/** The evaluation set and how the engine (or any other answerer) scores on it. */

const itemSchema = z.strictObject({
  q: z.string(),
  command: z.enum(['ask', 'who', 'when', 'source']).default('ask'),
  expect: z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
    .transform((e) => (Array.isArray(e) ? e : [e])),
});
export type EvalItem = z.infer<typeof itemSchema>;

export async function loadEvalSet(file: string): Promise<EvalItem[]> {
  return z.array(itemSchema).parse(parse(await readFile(file, 'utf8')));
}

/** What an answerer must say for one item: answered with which entry, or not. */
export interface Verdict {
  status: Answer['status'];
  entry: string | null;
  confidence: number;
}
export type Answerer = (command: Lookup, text: string) => Verdict;

export interface EvalMiss {
  item: EvalItem;
  got: Verdict;
}
export interface EvalReport {
  answerable: { total: number; correct: number };
  unanswerable: { total: number; declined: number };
  misses: EvalMiss[];
}

export function isRight(item: EvalItem, got: Verdict): boolean {
  if (isDecline(item)) return got.status !== 'answered';
  return got.status === 'answered' && got.entry !== null && item.expect.includes(got.entry);
}

export function isDecline(item: EvalItem): boolean {
  return item.expect.length === 1 && item.expect[0] === 'decline';
}

export function evaluate(items: readonly EvalItem[], answerer: Answerer): EvalReport {
  const report: EvalReport = {
    answerable: { total: 0, correct: 0 },
    unanswerable: { total: 0, declined: 0 },
    misses: [],
  };
  for (const item of items) {
    const got = answerer(item.command, item.q);
    const right = isRight(item, got);
    if (isDecline(item)) {
      report.unanswerable.total++;
      if (right) report.unanswerable.declined++;
    } else {
      report.answerable.total++;
      if (right) report.answerable.correct++;
    }
    if (!right) report.misses.push({ item, got });
  }
  return report;
}

export function engineAnswerer(kb: KnowledgeBase): Answerer {
  return (command, text) => answer(kb, { lookup: command, text });
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}

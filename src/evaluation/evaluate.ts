import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Answer, Lookup, KnowledgeBase } from '../engine/answer.js';
import { answer } from '../engine/answer.js';

/**
 * Evaluation sets and how the engine (or any other answerer) scores on them. Two formats:
 * entry sets (questions.yaml, holdout.yaml) expect entry ids; natural sets (natural-*.yaml)
 * expect report lines, and for yes/no and multi-part questions also the polarity and each part.
 */

const entryItemSchema = z.strictObject({
  q: z.string(),
  command: z.enum(['ask', 'who', 'when', 'source']).default('ask'),
  expect: z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
    .transform((e) => (Array.isArray(e) ? e : [e])),
});
const line = z.number().int().min(1);
const naturalItemSchema = z.strictObject({
  q: z.string(),
  command: z.enum(['ask', 'who', 'when']).default('ask'),
  expect: z.union([z.literal('decline'), z.array(line).min(1)]),
  kind: z.string().min(1),
  answer: z.enum(['yes', 'no']).optional(),
  parts: z.array(z.array(line).min(1)).min(2).optional(),
});

/** What a right reply is: a decline, one of some entries, or a reply citing one of some lines. */
export type Expectation =
  | { decline: true }
  | { entries: readonly string[] }
  | { lines: readonly number[]; polarity?: 'yes' | 'no'; parts?: readonly (readonly number[])[] };

export interface EvalItem {
  q: string;
  command: Exclude<Lookup, 'entry'>;
  expect: Expectation;
  /** The writer's class of question (yesno, multi, say...), for natural sets. */
  kind?: string;
}

export async function loadEvalSet(file: string): Promise<EvalItem[]> {
  const raw = parse(await readFile(file, 'utf8'));
  return z
    .array(z.union([naturalItemSchema, entryItemSchema]))
    .parse(raw)
    .map((item): EvalItem => {
      if ('kind' in item) {
        const expect: Expectation =
          item.expect === 'decline'
            ? { decline: true }
            : { lines: item.expect, polarity: item.answer, parts: item.parts };
        return { q: item.q, command: item.command, expect, kind: item.kind };
      }
      const decline = item.expect.length === 1 && item.expect[0] === 'decline';
      return { q: item.q, command: item.command, expect: decline ? { decline: true } : { entries: item.expect } };
    });
}

/** What an answerer said for one item: enough to judge it. */
export interface Verdict {
  status: Answer['status'];
  entry: string | null;
  confidence: number;
  /** Report lines the reply cites. */
  lines?: readonly number[];
  /** What the member reads. */
  text?: string;
  /** One verdict per part of a compound question, when the reply answers parts. */
  parts?: readonly Verdict[];
}
export type Answerer = (command: Lookup, text: string) => Verdict;

/** Why a reply was wrong: the classes `npm run eval` counts. */
export type MissClass = 'missing subject' | 'wrong entry' | 'should have declined' | 'unsure';
export const MISS_CLASSES: readonly MissClass[] = ['missing subject', 'wrong entry', 'should have declined', 'unsure'];

export interface EvalMiss {
  item: EvalItem;
  got: Verdict;
  class: MissClass;
}
export interface EvalReport {
  answerable: { total: number; correct: number };
  unanswerable: { total: number; declined: number };
  misses: EvalMiss[];
  /** Declines whose reason is false: "doesn't mention X" where the report does, or X names nothing. */
  falseReasons: { item: EvalItem; got: Verdict; words: string[] }[];
}

export function isDecline(item: EvalItem): boolean {
  return 'decline' in item.expect;
}

export function isRight(item: EvalItem, got: Verdict): boolean {
  const e = item.expect;
  if ('decline' in e) return got.status !== 'answered';
  if ('entries' in e) return got.status === 'answered' && e.entries.some((id) => sameEntry(id, got.entry));
  if (e.parts) return partsRight(e.parts, got);
  return citesOne(got, e.lines) && (!e.polarity || polarityOf(got.text) === e.polarity);
}

/**
 * An entry set names entries by id, as the files of its story do; with more than one story loaded
 * the engine names each entry `story/id` (the eval set among many stories in `npm run bench`).
 * An expected id that names its story (`story/id`) must match whole when the answer names one too.
 */
export function sameEntry(expected: string, got: string | null): boolean {
  if (got === null) return false;
  if (got === expected) return true;
  const idOf = (name: string) => name.slice(name.indexOf('/') + 1);
  // A bare name on one side: with one story loaded the engine names entries by id alone.
  return (!expected.includes('/') || !got.includes('/')) && idOf(got) === idOf(expected);
}

function citesOne(got: Verdict, lines: readonly number[]): boolean {
  return got.status === 'answered' && (got.lines ?? []).some((l) => lines.includes(l));
}

/**
 * A compound question is right when each part is answered citing one of that part's lines: part
 * by part when the reply has parts, or by one answer citing a line of every part.
 */
function partsRight(parts: readonly (readonly number[])[], got: Verdict): boolean {
  if (got.parts?.length)
    return parts.every((lines, i) => got.parts![i] !== undefined && citesOne(got.parts![i]!, lines));
  return parts.every((lines) => citesOne(got, lines));
}

/** The reply's polarity: its first word. */
export function polarityOf(text: string | undefined): 'yes' | 'no' | undefined {
  const first = /^\W*(\w+)/.exec(text ?? '')?.[1]?.toLowerCase();
  return first === 'yes' ? 'yes' : first === 'no' ? 'no' : undefined;
}

/**
 * Judges the reason of a "doesn't mention" reply: the words it names that the report does use,
 * or that name nothing. Given by the caller, so that the judge is not the engine's own test.
 */
export type ReasonJudge = (reply: string, question: string) => string[];

export function evaluate(items: readonly EvalItem[], answerer: Answerer, judge?: ReasonJudge): EvalReport {
  const report: EvalReport = {
    answerable: { total: 0, correct: 0 },
    unanswerable: { total: 0, declined: 0 },
    misses: [],
    falseReasons: [],
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
    if (!right) report.misses.push({ item, got, class: classify(item, got) });
    const words = judge && got.status !== 'answered' && got.text ? judge(got.text, item.q) : [];
    if (words.length) report.falseReasons.push({ item, got, words });
  }
  return report;
}

function classify(item: EvalItem, got: Verdict): MissClass {
  if (isDecline(item)) return 'should have declined';
  if (got.status === 'answered') return 'wrong entry';
  return /doesn't mention/.test(got.text ?? '') ? 'missing subject' : 'unsure';
}

export function missCounts(report: EvalReport): Record<MissClass, number> {
  const counts = Object.fromEntries(MISS_CLASSES.map((c) => [c, 0])) as Record<MissClass, number>;
  for (const m of report.misses) counts[m.class]++;
  return counts;
}

export function verdictOf(a: Answer): Verdict {
  return {
    status: a.status,
    entry: a.entry,
    confidence: a.confidence,
    lines: a.sources.map((s) => s.line),
    text: a.text,
    ...(a.parts ? { parts: a.parts.map(verdictOf) } : {}),
  };
}

export function engineAnswerer(kb: KnowledgeBase): Answerer {
  return (command, text) => verdictOf(answer(kb, { lookup: command, text }));
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}

import { answer, type KnowledgeBase, type Suggestion } from '../engine/answer.js';
import { mergeNearDuplicates } from '../storage/group.js';
import type { EntryVotes, Storage } from '../storage/storage.js';

/** What /unanswered and `npm run questions` show: what members asked in vain, and what they disliked. */
export interface UnansweredReport {
  days: number;
  since: number;
  questions: UnansweredQuestion[];
  notHelpful: (EntryVotes & { title: string | null })[];
}

export interface UnansweredQuestion {
  text: string;
  asks: number;
  askers: number;
  lastAsked: number;
  /** Other keys merged into this one as near-duplicates. */
  alsoAskedAs: string[];
  /** The engine's best guesses today, for the moderator to teach the question to. */
  suggestions: Suggestion[];
  /** The entry that answers it now, when the knowledge has been taught it since. */
  answeredNowBy: string | null;
}

const DAY_MS = 86_400_000;
/** Groups read from the database before near-duplicates are merged. */
const CANDIDATE_GROUPS = 200;

export async function unansweredReport(
  storage: Storage,
  kb: KnowledgeBase,
  { days, limit = 10, now = Date.now() }: { days: number; limit?: number; now?: number },
): Promise<UnansweredReport> {
  const since = now - days * DAY_MS;
  const [groups, votes] = await Promise.all([
    storage.unansweredGroups(since, CANDIDATE_GROUPS),
    storage.entriesByNotHelpful(since, limit),
  ]);
  const questions = await Promise.all(
    mergeNearDuplicates(groups)
      .slice(0, limit)
      .map(async (g) => {
        const { askers, text } = await storage.groupDetails([g.groupKey, ...g.merged], since);
        const now = answer(kb, { lookup: 'ask', text });
        return {
          text,
          asks: g.asks,
          askers,
          lastAsked: g.lastAsked,
          alsoAskedAs: g.merged,
          suggestions: now.suggestions,
          answeredNowBy: now.status === 'answered' ? now.entry : null,
        };
      }),
  );
  const titles = new Map(kb.knowledge.entries.map((e) => [e.id, e.title]));
  return { days, since, questions, notHelpful: votes.map((v) => ({ ...v, title: titles.get(v.entry) ?? null })) };
}

/** The report as plain text lines, for the console and for a Discord reply. */
export function formatUnanswered(report: UnansweredReport, now = Date.now()): string {
  const lines: string[] = [];
  if (!report.questions.length) lines.push(`No question went unanswered in the last ${plural(report.days, 'day')}.`);
  else lines.push(`Most asked without an answer, last ${plural(report.days, 'day')}:`);
  report.questions.forEach((q, i) => {
    lines.push(
      `${i + 1}. “${q.text}” — ${plural(q.asks, 'time')} by ${plural(q.askers, 'member')}, last ${ago(now - q.lastAsked)}`,
    );
    if (q.answeredNowBy) lines.push(`   now answered by ${q.answeredNowBy}`);
    else if (q.suggestions.length)
      lines.push(`   closest: ${q.suggestions.map((s) => `${s.title} (${s.id})`).join('; ')}`);
  });
  if (report.notHelpful.length) {
    lines.push('', 'Answers voted not helpful:');
    for (const v of report.notHelpful) {
      lines.push(`- ${v.title ?? v.entry} (${v.entry}): ${v.notHelpful} not helpful, ${v.helpful} helpful`);
    }
  }
  return lines.join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function ago(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return minutes <= 1 ? 'just now' : `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

import type { Answer } from '../engine/answer.js';
import { diffLines } from '../dispatch/refresh-report.js';
import type { KnowledgeDiff } from '../knowledge/diff.js';
import { formatProblem, type KnowledgeProblem } from '../knowledge/types.js';
import type { ChangeRow } from '../storage/storage.js';
import type { Actor, ImportPreview, Refusal, TeachOutcome, UndoOutcome } from './curator.js';

/**
 * The curator's outcomes in words, for the moderator who asked (Discord or console): what was
 * taught and the answer it now gets, an import's diff, an undo, the history of changes.
 */

/** Problems listed before "…and N more": a phone screen's worth. */
const MAX_PROBLEMS = 10;

export interface Described {
  title: string;
  lines: string[];
}

export function actorOf(invoker: { id: string; name?: string }): Actor {
  return { id: invoker.id, name: invoker.name ?? invoker.id };
}

export function describeRefusal(title: string, refusal: Refusal): Described {
  const problems: readonly KnowledgeProblem[] = refusal.problems ?? [];
  const shown = problems.slice(0, MAX_PROBLEMS).map((p) => `• ${formatProblem(p)}`);
  const more = problems.length - shown.length;
  return { title, lines: [refusal.reason, ...shown, ...(more > 0 ? [`…and ${more} more.`] : [])] };
}

/** The answer a question gets now, with the line it quotes. */
export function answerLines(now: Answer): string[] {
  const source = now.sources[0];
  return [
    `Now answers: ${now.text}`,
    ...(source ? [`> ${source.quote}`, `— line ${source.line}, ${source.attribution}`] : []),
  ];
}

export function describeTeach(question: string, outcome: TeachOutcome): Described {
  if (outcome.ok === false) return describeRefusal('Not taught: nothing changed', outcome);
  const lines = [`“${question}” → ${outcome.entry.title} (${outcome.entry.id})`];
  if (outcome.ok === 'unchanged') {
    return { title: 'Already answered by that entry', lines: [...lines, ...answerLines(outcome.now)] };
  }
  const title = {
    answered: 'Taught',
    cited: 'Taught: the reply cites the entry, which does not settle this question (Yes or No)',
    other: 'Taught, but another answer still wins',
  }[outcome.reply];
  return {
    title,
    lines: [
      ...lines,
      `Written to ${outcome.entry.file} (change #${outcome.changeId}; /knowledge undo puts it back).`,
      ...answerLines(outcome.now),
    ],
  };
}

export function describeImport(preview: ImportPreview): Described {
  if (!preview.ok) return describeRefusal('Import refused: nothing changed', preview);
  const changes = diffLines(preview.diff);
  return {
    title: `Import ${preview.file}?`,
    lines: [
      'The file loads with the rest of the folder. It would change:',
      ...(changes.length ? changes : ['no entries (comments or layout only).']),
      'Apply writes it and swaps it in; Cancel forgets it. Nothing is written before Apply.',
    ],
  };
}

export function describeApplied(what: string, changeId: number, diff: KnowledgeDiff): Described {
  const changes = diffLines(diff);
  return {
    title: `${what} (change #${changeId})`,
    lines: [...(changes.length ? changes : ['No entries changed.']), '/knowledge undo puts the previous file back.'],
  };
}

export function describeUndo(outcome: UndoOutcome): Described {
  if (!outcome.ok) return describeRefusal('Nothing undone', outcome);
  const { undone } = outcome;
  return {
    title: `Undone: change #${undone.id}`,
    lines: [
      `${undone.kind} of ${undone.file} by ${undone.actorName}, ${when(undone.changedAt)}: the previous file is back.`,
      ...diffLines(outcome.diff),
    ],
  };
}

export function describeHistory(changes: readonly ChangeRow[]): Described {
  if (!changes.length) return { title: 'Knowledge changes', lines: ['No change has been made from Discord yet.'] };
  return {
    title: 'Knowledge changes, latest first',
    lines: changes.map((c) => {
      const entries = c.entries.length
        ? `: ${c.entries.slice(0, 8).join(', ')}${c.entries.length > 8 ? ', …' : ''}`
        : '';
      const undone = c.undoneAt !== null ? ' (undone)' : '';
      return `#${c.id} ${when(c.changedAt)} · ${c.actorName} · ${c.kind} ${c.file}${entries}${undone}`;
    }),
  };
}

function when(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/**
 * Report lines cut into pages of at most `budget` characters, never splitting an item from the
 * indented lines under it (a question and its suggestions stay together).
 */
export function paginate(lines: readonly string[], budget: number): string[][] {
  const blocks: string[][] = [];
  for (const line of lines) {
    if (/^\s/.test(line) && blocks.length) blocks.at(-1)!.push(line);
    else blocks.push([line]);
  }
  const pages: string[][] = [[]];
  let size = 0;
  for (const block of blocks) {
    const length = block.reduce((n, l) => n + l.length + 1, 0);
    if (size + length > budget && pages.at(-1)!.length) {
      pages.push([]);
      size = 0;
    }
    pages.at(-1)!.push(...block.map((l) => (l.length > budget ? `${l.slice(0, budget - 1)}…` : l)));
    size += length;
  }
  return pages;
}

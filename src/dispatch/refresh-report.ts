import type { KnowledgeDiff } from '../knowledge/diff.js';
import { isUnchanged } from '../knowledge/diff.js';
import type { RefreshOutcome } from '../knowledge/store.js';
import { formatProblem } from '../knowledge/types.js';

/** Listing more than this many problems or ids helps nobody on a phone screen. */
const MAX_LISTED = 15;

/** A refresh outcome in words, for whoever ran it (Discord or console). */
export function describeRefresh(outcome: RefreshOutcome): { title: string; lines: string[] } {
  if (!outcome.ok) {
    const shown = outcome.problems.slice(0, MAX_LISTED).map(formatProblem);
    const more = outcome.problems.length - shown.length;
    return {
      title: 'Refresh refused: the previous knowledge is still serving',
      lines: [
        `${outcome.problems.length} problem(s) in the knowledge files; nothing was changed. Fix them and refresh again:`,
        ...shown.map((p) => `• ${p}`),
        ...(more > 0 ? [`…and ${more} more.`] : []),
      ],
    };
  }
  const { diff } = outcome;
  if (isUnchanged(diff)) {
    return {
      title: 'Knowledge refreshed: no changes',
      lines: [`${outcome.entries} entries, reloaded in ${outcome.ms} ms.`],
    };
  }
  return {
    title: 'Knowledge refreshed',
    lines: [`${outcome.entries} entries, reloaded in ${outcome.ms} ms.`, ...diffLines(diff)],
  };
}

/** A diff as one line per kind of change, for refresh reports and import previews. */
export function diffLines(diff: KnowledgeDiff): string[] {
  const row = (label: string, ids: string[]) => (ids.length ? [`${label} (${ids.length}): ${list(ids)}`] : []);
  return [
    ...row('Added', diff.added),
    ...row('Removed', diff.removed),
    ...row('Edited', diff.edited),
    ...row('Cited line changed', diff.citationsChanged),
    ...row('Quote moved in the updated report, re-anchored', diff.reanchored),
    ...row('Quote no longer in the report, not served', diff.withheld),
  ];
}

function list(ids: string[]): string {
  const shown = ids.slice(0, MAX_LISTED).join(', ');
  return ids.length > MAX_LISTED ? `${shown}, …` : shown;
}

import { runInSlices } from './slices.js';
import type { Entry, Knowledge } from './types.js';

/** What a refresh changed, for the moderator who ran it and for the log. */
export interface KnowledgeDiff {
  added: string[];
  removed: string[];
  edited: string[];
  /** Entries whose cited line now reads differently, or which cite other lines than before. */
  citationsChanged: string[];
  /** Entries whose quote moved to another line of an updated report, and were re-anchored there. */
  reanchored: string[];
  /** Entries whose quote is no longer in the report: not served. */
  withheld: string[];
}

export function diffKnowledge(before: Knowledge, after: Knowledge): KnowledgeDiff {
  const steps = diffSteps(before, after, Infinity);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * `diffKnowledge` in slices of a few milliseconds, so that answers waiting meanwhile are served:
 * at 40,000 entries the whole comparison takes most of a second.
 */
export function diffKnowledgeYielding(before: Knowledge, after: Knowledge, every = 50): Promise<KnowledgeDiff> {
  return runInSlices(diffSteps(before, after, every));
}

/** The comparison itself, yielding every `every` entries. */
function* diffSteps(before: Knowledge, after: Knowledge, every: number): Generator<void, KnowledgeDiff> {
  // With several stories an id is only unique within its story.
  const many = before.stories.length > 1 || after.stories.length > 1;
  const key = (e: { story: string; entry?: string; id?: string }) => (many ? `${e.story}/${e.id ?? e.entry}` : (e.id ?? e.entry)!);
  const old = new Map<string, Entry>();
  const now = new Map<string, Entry>();
  let n = 0;
  for (const e of before.entries) {
    old.set(key(e), e);
    if (++n % every === 0) yield;
  }
  for (const e of after.entries) {
    now.set(key(e), e);
    if (++n % every === 0) yield;
  }
  const notices = after.notices ?? [];
  const diff: KnowledgeDiff = {
    added: [],
    removed: [],
    edited: [],
    citationsChanged: [],
    reanchored: [...new Set(notices.filter((n) => n.kind === 'reanchored').map(key))],
    withheld: [...new Set(notices.filter((n) => n.kind === 'withheld').map(key))],
  };
  const withheld = new Set(diff.withheld);
  for (const id of now.keys()) {
    if (!old.has(id)) diff.added.push(id);
    if (++n % every === 0) yield;
  }
  for (const id of old.keys()) {
    if (!now.has(id) && !withheld.has(id)) diff.removed.push(id);
    if (++n % every === 0) yield;
  }
  for (const [id, entry] of now) {
    if (++n % every === 0) yield;
    const prev = old.get(id);
    if (!prev) continue;
    if (citedText(before, prev) !== citedText(after, entry)) diff.citationsChanged.push(id);
    else if (JSON.stringify(comparable(prev)) !== JSON.stringify(comparable(entry))) diff.edited.push(id);
  }
  return diff;
}

export function isUnchanged(diff: KnowledgeDiff): boolean {
  return (
    !diff.added.length &&
    !diff.removed.length &&
    !diff.edited.length &&
    !diff.citationsChanged.length &&
    !diff.reanchored.length &&
    !diff.withheld.length
  );
}

/** The lines an entry cites, as they read in that knowledge. */
function citedText(k: Knowledge, e: Entry): string {
  const story = k.stories.find((s) => s.id === e.story);
  return JSON.stringify(e.sources.map((s) => [s.line, s.quote, s.attribution, story?.lines[s.line - 1]]));
}

function comparable(e: Entry): unknown {
  const { file: _file, ...rest } = e;
  return rest;
}


import type { Entry, Knowledge } from './types.js';

/** What a refresh changed, for the moderator who ran it and for the log. */
export interface KnowledgeDiff {
  added: string[];
  removed: string[];
  edited: string[];
  /** Entries whose cited line now reads differently, or which cite other lines than before. */
  citationsChanged: string[];
}

export function diffKnowledge(before: Knowledge, after: Knowledge): KnowledgeDiff {
  const old = new Map(before.entries.map((e) => [e.id, e]));
  const now = new Map(after.entries.map((e) => [e.id, e]));
  const diff: KnowledgeDiff = { added: [], removed: [], edited: [], citationsChanged: [] };
  for (const id of now.keys()) if (!old.has(id)) diff.added.push(id);
  for (const id of old.keys()) if (!now.has(id)) diff.removed.push(id);
  for (const [id, entry] of now) {
    const prev = old.get(id);
    if (!prev) continue;
    if (citedText(before, prev) !== citedText(after, entry)) diff.citationsChanged.push(id);
    else if (JSON.stringify(comparable(prev)) !== JSON.stringify(comparable(entry))) diff.edited.push(id);
  }
  return diff;
}

export function isUnchanged(diff: KnowledgeDiff): boolean {
  return !diff.added.length && !diff.removed.length && !diff.edited.length && !diff.citationsChanged.length;
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

/**
 * `diffKnowledge`, pausing every `every` entries so that answers waiting meanwhile are served:
 * at 40,000 entries the whole comparison takes most of a second.
 */
export async function diffKnowledgeYielding(before: Knowledge, after: Knowledge, every = 1000): Promise<KnowledgeDiff> {
  const pause = () => new Promise((resolve) => setImmediate(resolve));
  const old = new Map(before.entries.map((e) => [e.id, e]));
  const now = new Map(after.entries.map((e) => [e.id, e]));
  const diff: KnowledgeDiff = { added: [], removed: [], edited: [], citationsChanged: [] };
  for (const id of now.keys()) if (!old.has(id)) diff.added.push(id);
  for (const id of old.keys()) if (!now.has(id)) diff.removed.push(id);
  let n = 0;
  for (const [id, entry] of now) {
    if (++n % every === 0) await pause();
    const prev = old.get(id);
    if (!prev) continue;
    if (citedText(before, prev) !== citedText(after, entry)) diff.citationsChanged.push(id);
    else if (JSON.stringify(comparable(prev)) !== JSON.stringify(comparable(entry))) diff.edited.push(id);
  }
  return diff;
}

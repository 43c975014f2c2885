/** The knowledge as loaded and validated: plain, immutable data with no search structures. */

export interface Source {
  story: string;
  /** 1-based line number in the story's report. */
  line: number;
  /** Verbatim part of that line. */
  quote: string;
  /** Who the claim is attributed to, as shown to users ("Kremlin spokesperson Dmitry Peskov"). */
  attribution: string;
}

export type EntryKind = 'qa' | 'person' | 'event' | 'gap';

interface EntryBase {
  id: string;
  story: string;
  kind: EntryKind;
  /** What a "did you mean" button says: the question, the person's name, the event. */
  title: string;
  /** Texts that ask for this entry; the first is the title's question form. */
  phrasings: readonly string[];
  /** The reply, or for a gap, the explanation of what the report does not say. */
  answer: string;
  sources: readonly Source[];
  /** The sources give accounts that disagree. */
  conflict: boolean;
  /** Drafted from the report by `npm run draft` and not yet reviewed by a curator. */
  draft: boolean;
  /** Knowledge file the entry came from, relative to the knowledge folder. */
  file: string;
}

export interface QaEntry extends EntryBase {
  kind: 'qa';
}
export interface PersonEntry extends EntryBase {
  kind: 'person';
  name: string;
  role: string;
  aliases: readonly string[];
}
export interface EventEntry extends EntryBase {
  kind: 'event';
  when: string;
  event: string;
  precision: string;
}
export interface GapEntry extends EntryBase {
  kind: 'gap';
  missing: string;
}
export type Entry = QaEntry | PersonEntry | EventEntry | GapEntry;

export interface Story {
  id: string;
  title: string;
  dateline: string;
  agency: string;
  outlets: readonly string[];
  published: string | null;
  publishedNote: string;
  /** The report's lines; lines[0] is line 1. */
  lines: readonly string[];
  /** Lines that are links to other stories, not facts of this one, with why. */
  links: ReadonlyMap<number, string>;
}

export interface Knowledge {
  stories: readonly Story[];
  entries: readonly Entry[];
  /** Groups of words that mean the same in these stories; the first word stands for the group. */
  synonyms: readonly (readonly string[])[];
  /**
   * What loading did on its own when a report was updated: quotes found on another line were
   * re-anchored there, and entries whose quote is nowhere in the report any more are withheld.
   */
  notices?: readonly KnowledgeNotice[];
}

export interface KnowledgeNotice {
  kind: 'reanchored' | 'withheld';
  file: string;
  story: string;
  entry: string;
  message: string;
}

/** One problem found while loading, precise enough for a curator to fix it without searching. */
export interface KnowledgeProblem {
  file: string;
  entry?: string;
  field?: string;
  message: string;
}

export function formatProblem(p: KnowledgeProblem): string {
  const where = [p.file, p.entry && `entry "${p.entry}"`, p.field && `field ${p.field}`].filter(Boolean).join(', ');
  return `${where}: ${p.message}`;
}

import type { Knowledge, Source } from '../knowledge/types.js';
import type { SearchIndex } from './search-index.js';
import type { Tuning } from './tuning.js';

/** What the engine is asked: which lookup, and the text typed. */
export type Lookup = 'ask' | 'who' | 'when' | 'source' | 'entry';
export interface Request {
  lookup: Lookup;
  text: string;
  /** Answer from this story only (its id or title): the `story` option of a command. */
  story?: string;
  /** Try this story first (a channel's pinned story); others only if it has no answer. */
  prefer?: string;
}

export type Status = 'answered' | 'unsure' | 'not_found';

export interface Suggestion {
  /**
   * An entry id, or `line:N` for a line of the report; answer it with the `entry` lookup. With more
   * than one story loaded it carries its story: `story/id`, `story/line:N`.
   */
  id: string;
  title: string;
  /** The story the suggestion is from. */
  story: string;
}

/** The story an answer comes from, named in the reply when more than one story is loaded. */
export interface StoryRef {
  id: string;
  title: string;
}

export interface Answer {
  status: Status;
  lookup: Lookup;
  /** The answer asserted to the user; null unless `status` is `answered`. */
  answer: string | null;
  /** What to show: the answer, or the honest reason there is none. */
  text: string;
  sources: Source[];
  /** How sure the engine is that `entry` answers the question, from 0 to 1. */
  confidence: number;
  entry: string | null;
  suggestions: Suggestion[];
  /** The sources disagree with each other; show each with its attribution. */
  conflict: boolean;
  /** What the report does not cover, when that is why there is no answer ("China"). */
  missing: string | null;
  /** A compound question's parts, each answered on its own; `text` already shows them all. */
  parts?: Answer[];
  /** The story answered from, when more than one is loaded (else null: there is only one). */
  story: StoryRef | null;
}

export interface KnowledgeBase {
  readonly knowledge: Knowledge;
  readonly index: SearchIndex;
  readonly tuning: Tuning;
  /** The same object as `tuning`, under the name the knowledge store still passes back. */
  readonly thresholds: Tuning;
}

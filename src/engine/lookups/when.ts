import type { EntryKind } from '../../knowledge/types.js';
import { fromEntry } from '../reply.js';
import type { Answer, KnowledgeBase } from '../types.js';
import type { Scope } from '../stories.js';
import { ask } from './ask.js';

const DATED: ReadonlySet<EntryKind> = new Set(['event', 'gap']);

/** /when: a dated event, or the gap that says the report gives no date. */
export function when(kb: KnowledgeBase, text: string, scope: Scope = {}): Answer {
  const direct = kb.index.byId.get(text);
  if (direct && DATED.has(direct.kind)) return fromEntry('when', direct, 1);
  const question = /\bwhen\b/i.test(text) ? text : `when ${text}`;
  const dated = ask(kb, question, DATED, 'when', scope);
  if (dated.status === 'answered' || dated.entry || dated.suggestions.length || dated.missing) return dated;
  // No dated event matches, but the report covers what was asked ("/when the 28 point draft"):
  // say no date was found for it, and what the report does say, rather than that it covers nothing.
  const covered = ask(kb, text, undefined, 'ask', scope);
  if (covered.status !== 'answered' || !covered.answer) return dated;
  const said = `I found no date for that in the report. What it says: ${covered.answer}`;
  return { ...covered, lookup: 'when', status: 'not_found', answer: null, text: said, missing: 'a date for it' };
}

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
  return ask(kb, question, DATED, 'when', scope);
}

import type { EntryKind } from '../../knowledge/types.js';
import { EMPTY_HINTS } from '../input.js';
import { decline } from '../reply.js';
import { resolveWords } from '../resolve.js';
import { routed, type Scope } from '../stories.js';
import { QUESTION_WORDS, stripPreamble } from '../text.js';
import type { Answer, KnowledgeBase, Lookup } from '../types.js';

/** A free question: the best-scoring entry of the given kinds (all kinds by default). */
export function ask(
  kb: KnowledgeBase,
  text: string,
  kinds?: ReadonlySet<EntryKind>,
  lookup: Lookup = 'ask',
  scope: Scope = {},
): Answer {
  const words = resolveWords(kb.index, stripPreamble(text));
  if (words.every((w) => QUESTION_WORDS.has(w.term))) {
    return decline(lookup, `I couldn't find a question about the story in that. ${EMPTY_HINTS.ask}`);
  }
  return routed(kb, words, text, lookup, kinds, scope);
}

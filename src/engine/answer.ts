import type { Knowledge } from '../knowledge/types.js';
import { cleanInput, EMPTY_HINTS } from './input.js';
import { MAX_QUERY_LENGTH } from './limits.js';
import { ask } from './lookups/ask.js';
import { byId } from './lookups/entry.js';
import { source } from './lookups/source.js';
import { when } from './lookups/when.js';
import { who } from './lookups/who.js';
import { decline } from './reply.js';
import { buildIndex } from './search-index.js';
import { TUNING, type Tuning } from './tuning.js';
import type { Answer, KnowledgeBase, Request } from './types.js';

/**
 * The answer engine: a request goes in, an `Answer` comes out. Pure and synchronous; it knows
 * nothing of Discord or the console, which only turn input into a request and an answer into a reply.
 */

export type { Answer, KnowledgeBase, Lookup, Request, Status, Suggestion } from './types.js';
export { cleanInput } from './input.js';
export { MAX_QUERY_LENGTH, MAX_SUGGESTIONS } from './limits.js';
export { TUNING, type Tuning } from './tuning.js';

export function buildKnowledgeBase(knowledge: Knowledge, tuning: Tuning = TUNING): KnowledgeBase {
  return Object.freeze({ knowledge, index: buildIndex(knowledge, tuning), tuning, thresholds: tuning });
}

export function answer(kb: KnowledgeBase, request: Request): Answer {
  const text = cleanInput(request.text);
  const { lookup } = request;
  if (text.length > MAX_QUERY_LENGTH) {
    return decline(lookup, `That is too long: please keep it under ${MAX_QUERY_LENGTH} characters.`);
  }
  if (!text) return decline(lookup, EMPTY_HINTS[lookup]);
  switch (lookup) {
    case 'ask':
      return ask(kb, text);
    case 'who':
      return who(kb, text);
    case 'when':
      return when(kb, text);
    case 'source':
      return source(kb, text);
    case 'entry':
      return byId(kb, text);
  }
}

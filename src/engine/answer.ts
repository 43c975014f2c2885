import type { Knowledge } from '../knowledge/types.js';
import { cleanInput, EMPTY_HINTS } from './input.js';
import { MAX_QUERY_LENGTH } from './limits.js';
import { ask } from './lookups/ask.js';
import { answerParts, splitQuestion } from './lookups/compound.js';
import { quotedPhrase } from './lookups/quoted.js';
import { questionOf } from './question.js';
import { byId } from './lookups/entry.js';
import { source } from './lookups/source.js';
import { when } from './lookups/when.js';
import { who } from './lookups/who.js';
import { decline } from './reply.js';
import { buildIndexSteps } from './search-index.js';
import { runSteps } from './steps.js';
import { scopeOf, withStories, type Scope } from './stories.js';
import { withCalendarSpelledOut } from './text.js';
import { TUNING, type Tuning } from './tuning.js';
import type { Answer, KnowledgeBase, Request } from './types.js';

/**
 * The answer engine: a request goes in, an `Answer` comes out. Pure and synchronous; it knows
 * nothing of Discord or the console, which only turn input into a request and an answer into a reply.
 */

export type { Answer, KnowledgeBase, Lookup, Request, Status, StoryRef, Suggestion } from './types.js';
export { findStory } from './stories.js';
export { cleanInput } from './input.js';
export { MAX_QUERY_LENGTH, MAX_SUGGESTIONS } from './limits.js';
export { TUNING, type Tuning } from './tuning.js';

export function buildKnowledgeBase(knowledge: Knowledge, tuning: Tuning = TUNING): KnowledgeBase {
  return runSteps(buildKnowledgeBaseSteps(knowledge, tuning));
}

/** `buildKnowledgeBase` in small steps, for a caller that answers between them (see `runSteps`). */
export function* buildKnowledgeBaseSteps(
  knowledge: Knowledge,
  tuning: Tuning = TUNING,
): Generator<void, KnowledgeBase, void> {
  const index = yield* buildIndexSteps(knowledge, tuning);
  return Object.freeze({ knowledge, index, tuning, thresholds: tuning });
}

export function answer(kb: KnowledgeBase, request: Request): Answer {
  const text = cleanInput(request.text);
  const { lookup } = request;
  if (text.length > MAX_QUERY_LENGTH) {
    return decline(lookup, `That is too long: please keep it under ${MAX_QUERY_LENGTH} characters.`);
  }
  if (!text) return decline(lookup, EMPTY_HINTS[lookup]);
  const scope = scopeOf(kb, request);
  if ('status' in scope) return scope;
  return withStories(kb, lookUp(kb, lookup, text, scope));
}

function lookUp(kb: KnowledgeBase, lookup: Request['lookup'], text: string, scope: Scope): Answer {
  switch (lookup) {
    case 'ask': {
      const question = questionOf(withCalendarSpelledOut(text));
      const quoted = quotedPhrase(kb, question);
      if (quoted) return quoted;
      const parts = splitQuestion(question);
      return parts.length > 1 ? answerParts(kb, parts, scope) : ask(kb, question, undefined, 'ask', scope);
    }
    case 'who':
      return who(kb, text, scope);
    case 'when':
      return when(kb, withCalendarSpelledOut(text), scope);
    case 'source':
      return source(kb, text, scope);
    case 'entry':
      return byId(kb, text);
  }
}

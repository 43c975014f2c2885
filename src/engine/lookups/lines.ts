import { MAX_SUGGESTIONS } from '../limits.js';
import type { ResolvedWord } from '../resolve.js';
import { askBack } from '../reply.js';
import { contentWords, clip, QUESTION_WORDS } from '../text.js';
import type { Answer, KnowledgeBase } from '../types.js';
import { defaultStory } from './source.js';

/**
 * A question no entry answers, about words the report's own text uses ("parallel development"):
 * "the report doesn't say" would be false. Offer the lines that use them instead.
 */
export function linesFor(kb: KnowledgeBase, reply: Answer, words: readonly ResolvedWord[]): Answer {
  if (reply.status !== 'not_found' || reply.missing || reply.suggestions.length) return reply;
  // Asked freely, any word of the report's own text ("axios?"), not only those no entry uses
  // (/when says what the report says undated, itself).
  const asked = (w: ResolvedWord) => w.filler || (reply.lookup === 'ask' && !w.unknown && !QUESTION_WORDS.has(w.term));
  const wanted = new Set(words.filter((w) => asked(w) && kb.index.reportTerms.has(w.term)).map((w) => w.term));
  if (wanted.size === 0) return reply;
  const story = defaultStory(kb);
  const lines = story.lines
    .map((text, i) => ({ line: i + 1, text }))
    .filter(
      ({ line, text }) =>
        !story.links.has(line) && contentWords(text, kb.index.synonyms).some((w) => wanted.has(w.term)),
    )
    .slice(0, MAX_SUGGESTIONS);
  if (lines.length === 0) return reply;
  return askBack(
    reply.lookup,
    "I couldn't match that to an answer, but the report uses those words here:",
    lines.map(({ line, text }) => ({ id: `line:${line}`, title: `Line ${line}: ${clip(text, 80)}`, story: story.id })),
    reply.confidence,
  );
}

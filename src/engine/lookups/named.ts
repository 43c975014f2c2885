import { tokens } from '../language.js';
import type { ResolvedWord } from '../resolve.js';
import { contentWords, normalize, termOf } from '../text.js';
import type { Answer, KnowledgeBase } from '../types.js';
import { kindOf, notSaid } from './polar.js';

/**
 * "Who" asks for someone: a reply that names nobody but the people the question already names
 * does not answer it ("who is the Russian source quoted about Dmitriev" of a line that names only
 * Dmitriev and "a Russian source"). The report doesn't say, and the reply shows what it does say.
 * A question about someone by name ("who is Witkoff") asks who they are, and is left alone.
 */
export function namesNoOneNew(kb: KnowledgeBase, reply: Answer, words: readonly ResolvedWord[]): Answer {
  if (reply.status !== 'answered' || reply.answer === null || !words.some((w) => w.term === 'who')) return reply;
  const { nameTerms, synonyms } = kb.index;
  const asked = new Set(words.map((w) => w.term));
  // A person the question names is named by every part of their name ("Dmitriev": Kirill Dmitriev).
  for (const person of kb.index.people) {
    const name = contentWords(person.name, synonyms).map((w) => w.term);
    if (name.some((t) => asked.has(t))) for (const t of name) asked.add(t);
  }
  // Only names and the question word: "who is Witkoff", "who's george".
  const describes = words.some((w) => !w.filler && w.term !== 'who' && !nameTerms.has(w.term) && !kindOf(w.word));
  if (!describes) return reply;
  const named = tokens(reply.answer).filter(
    (t, i) => (t.pos === 'PROPN' || (i > 0 && /^\p{Lu}/u.test(t.text))) && kindOf(normalize(t.normal), kb) === 'name',
  );
  const someoneNew = named.some((t) => !asked.has(termOf(normalize(t.normal), synonyms)));
  return someoneNew ? reply : notSaid(reply);
}

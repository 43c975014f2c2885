import { PROFILE_FIELDS } from '../subject.js';
import { decide } from '../decide.js';
import type { ResolvedWord } from '../resolve.js';
import { fromEntry } from '../reply.js';
import type { ScoredEntry } from '../score.js';
import { QUESTION_WORDS, tellingTerms } from '../text.js';
import type { Answer, KnowledgeBase, Lookup } from '../types.js';
import { evidenceOf, kindOf, notSaid } from './polar.js';

/**
 * An entry answers only what it holds. A word of the question that the knowledge uses elsewhere
 * but the entry never does (in its answer, phrasings or quotes) makes it the answer to a
 * neighbouring question when that word is what was done ("who did Dmitriev *meet*", "who *sent*
 * the team") or, for a person's profile asked "what", a thing about them ("Witkoff's *background*").
 * The next entry scoring above the answer threshold that holds every such word is answered
 * instead; when none does, the report doesn't say, and the reply shows what it does say.
 * Words about the report itself ("described", "article") ask nothing of an entry.
 */
export function decideCovered(
  kb: KnowledgeBase,
  lookup: Lookup,
  ranked: readonly ScoredEntry[],
  words: readonly ResolvedWord[],
): Answer {
  const reply = decide(kb.tuning, lookup, ranked, words);
  if (reply.status !== 'answered' || !reply.entry) return reply;
  const missing = uncovered(kb, reply, words);
  if (missing.length === 0) return reply;
  // The top one lacks a name, day or month asked: one holding them is worth a suggestion's score.
  // Found nowhere, it is an answer about another place, party or time ("who leads *Ukraine's*
  // negotiating team" of the US envoy, "who visited the US in October" of Driscoll's team).
  const missingKind = missing.some((w) => kindOf(w.word, kb) !== undefined);
  const floor = missingKind ? kb.tuning.suggest : kb.tuning.answer;
  for (const next of ranked) {
    if (next.score < floor) break;
    if (next.entry.id === reply.entry || next.entry.kind === 'gap') continue;
    const alternative = fromEntry(lookup, next.entry, next.score);
    if (uncovered(kb, alternative, words).length === 0) return alternative;
  }
  return missingKind || kb.index.byId.get(reply.entry)?.kind === 'person' ? notSaid(reply) : reply;
}

/** The words of the question that the reply's entry should hold and does not. */
export function uncovered(kb: KnowledgeBase, reply: Answer, words: readonly ResolvedWord[]): ResolvedWord[] {
  const entry = reply.entry ? kb.index.byId.get(reply.entry) : undefined;
  if (!entry) return [];
  const held = new Set(evidenceOf(kb, reply).map((w) => w.term));
  const telling = tellingTerms(kb.index.synonyms);
  // Asked what, not who: a thing about the person ("Witkoff's background") that the profile lacks.
  const notWho = !words.some((w) => w.term === 'who');
  return words.filter(
    (w) =>
      // A common noun asked of the person ("Witkoff's age") is what the profile should give.
      (!w.filler || (w.possessed === true && notWho && entry.kind === 'person')) &&
      // A profile is the answer to its own fields: "what is the role of Dave Butler".
      !(entry.kind === 'person' && PROFILE_FIELDS.has(w.word)) &&
      !w.unknown &&
      !QUESTION_WORDS.has(w.term) &&
      !telling.has(w.term) &&
      !held.has(w.term) &&
      // A day or month asked ("who visited the US in October") is one the answer must give.
      (w.pos === 'VERB' || kindOf(w.word, kb) !== undefined || (notWho && entry.kind === 'person' && w.pos === 'NOUN')),
  );
}

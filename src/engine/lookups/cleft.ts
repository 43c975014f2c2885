import { tokens } from '../language.js';
import { contentWords, normalize, termOf } from '../text.js';
import type { Answer, KnowledgeBase } from '../types.js';
import { evidenceOf, kindOf, withPolarity } from './polar.js';

/**
 * "Is Driscoll the one leading the talks?", "was it Witkoff who visited the US in October?": a
 * yes/no question about who did something. It is answered as "who is leading the talks", then
 * checked: Yes when the answer names the person asked about, No when it names someone else (the
 * reply then says who, from the report). Anything else is left to the usual yes/no reading.
 */
export interface Cleft {
  /** The person asked about, as typed. */
  person: string;
  /** What they are said to have done: "leading the talks". */
  predicate: string;
}

const THE_ONE =
  /^\W*(?:is|was|are|were|isn'?t|wasn'?t)\s+(.+?)\s+the\s+(?:one|ones|person|guy|man|woman|people)\s+(?:who\s+|that\s+)?(.+?)\W*$/i;
const IT_WHO = /^\W*(?:is|was|isn'?t|wasn'?t)\s+it\s+(.+?)\s+(?:who|that)\s+(.+?)\W*$/i;

export function cleftOf(question: string): Cleft | undefined {
  const m = THE_ONE.exec(question) ?? IT_WHO.exec(question);
  return m ? { person: m[1]!, predicate: m[2]! } : undefined;
}

/**
 * "Was it Dmitriev himself who called the talks productive?" says "Dmitriev called the talks
 * productive, right?": the same yes/no question with its subject back before its verb, where the
 * usual reading checks who did what. Undefined for any other question, and for an object cleft
 * ("was it the plan that Axios reported"), whose predicate does not start with its verb.
 */
export function uncleft(question: string): string | undefined {
  const m = IT_WHO.exec(question);
  if (!m) return undefined;
  const subject = m[1]!.replace(REFLEXIVE, '');
  const first = tokens(m[2]!)[0];
  if (!first || (first.pos !== 'VERB' && first.pos !== 'AUX') || !isNounPhrase(subject)) return undefined;
  return `${subject} ${m[2]!}, right?`;
}
/**
 * A subject, not what is said of an "it" ("was it reported that…", "is it true that…"): no
 * adjective or participle alone, no verb among several words (a lower-case name may be read as
 * one: "axios").
 */
function isNounPhrase(text: string): boolean {
  const toks = tokens(text);
  if (toks.length === 1)
    return toks[0]!.pos !== 'ADJ' && !(toks[0]!.pos === 'VERB' && /(?:ed|en|wn)$/i.test(toks[0]!.text));
  return toks.length > 1 && !toks.some((t) => t.pos === 'VERB');
}
const REFLEXIVE = /\s+(?:him|her|it|them)sel(?:f|ves)$/i;

/**
 * The yes/no verdict on a cleft question, from the answer to its "who" question; undefined when
 * the person asked about is not a name or the "who" question has no answer naming anyone.
 */
export function agentCheck(kb: KnowledgeBase, cleft: Cleft, askWho: (text: string) => Answer): Answer | undefined {
  const { synonyms } = kb.index;
  const asked = contentWords(cleft.person, synonyms).filter((w) => kindOf(w.word, kb) === 'name');
  if (asked.length === 0) return undefined;
  const reply = askWho(`who ${/^\w+ing\b/i.test(cleft.predicate) ? 'is ' : ''}${cleft.predicate}`);
  if (reply.status !== 'answered' || reply.answer === null) return undefined;
  // The answer must be about what was done, all of it ("visited the US in October"), not a neighbour.
  const held = new Set(evidenceOf(kb, reply).map((w) => w.term));
  const done = contentWords(cleft.predicate, synonyms).filter((w) => kb.index.idf.has(w.term));
  if (!done.every((w) => held.has(w.term))) return undefined;
  const named = namesIn(kb, reply.answer);
  // All of whom it was asked about: "the Washington Post" is not "Washington".
  const whole = contentWords(cleft.person, synonyms).every((w) => named.has(w.term) || held.has(w.term));
  if (whole && asked.every((w) => named.has(w.term))) return withPolarity(kb, reply, 'yes');
  const people = [...named].filter((t) => kb.index.nameTerms.has(t));
  return people.length ? withPolarity(kb, reply, 'no') : undefined;
}

/** The terms of the names a text uses, each person's whole name when any part of it is used. */
function namesIn(kb: KnowledgeBase, text: string): Set<string> {
  const { synonyms } = kb.index;
  const out = new Set(
    tokens(text)
      .filter((t, i) => (t.pos === 'PROPN' || (i > 0 && /^\p{Lu}/u.test(t.text))) && kindOf(normalize(t.normal), kb))
      .map((t) => termOf(normalize(t.normal), synonyms)),
  );
  for (const person of kb.index.people) {
    const name = contentWords(person.name, synonyms).map((w) => w.term);
    if (name.some((t) => out.has(t))) for (const t of name) out.add(t);
  }
  return out;
}

import { sentences, tokens } from './language.js';
import { textSpeakFor } from './subject.js';

/**
 * The question in what was typed: people write greetings and context before it ("Good evening.
 * I have been reading the report… Who is leading the talks?"). Of several sentences, the ones that
 * ask (ending in "?" or opening with a question word or an auxiliary) are the question; failing
 * those, the ones with a question word anywhere. A single sentence is kept whole.
 */
export function questionOf(text: string): string {
  return embeddedQuestion(askingSentences(afterLabel(text)));
}

/**
 * "2 qs: who's George and who's Weimer", "quick one: when did he arrive": a label before a colon
 * that asks nothing itself, followed by text that asks, is not part of the question.
 */
function afterLabel(text: string): string {
  const at = text.search(/:\s/);
  if (at < 0) return text;
  const label = text.slice(0, at);
  const rest = text.slice(at + 1).trim();
  return !asksAnything(label) && asksAnything(rest) ? rest : text;
}

function askingSentences(text: string): string {
  if (!MORE_THAN_ONE.test(text)) return text;
  const all = sentences(text);
  if (all.length < 2) return text;
  const asking = all.filter(opensOrEndsQuestion);
  // "My dad said Trump ordered the visit. Is that true?": the asking sentence only asks to confirm
  // the one before it, which is kept.
  if (asking.length > 0 && asking.every((s) => CONFIRMS_BEFORE.test(s))) return text;
  const chosen = asking.length ? asking : all.filter((s) => HAS_QUESTION_WORD.test(s));
  return chosen.length && chosen.length < all.length ? chosen.join(' ') : text;
}

/**
 * A long question that does not open by asking carries its question inside, after a story of
 * what the person was doing ("ok so I've been following the ukraine stuff for months … so can u
 * explain who is leading the talks"): the question is the text from the first question word that
 * follows at least `PREAMBLE_WORDS` words. A short question, or one that opens by asking, is kept whole.
 */
export function embeddedQuestion(text: string): string {
  if (text.length < LONG_QUESTION || opensOrEndsQuestion(text.replace(/\?\s*$/, ''))) return text;
  for (const m of text.matchAll(QUESTION_WORD_AT)) {
    const before = text.slice(0, m.index).trim().split(/\s+/).length;
    if (before < PREAMBLE_WORDS) continue;
    // "… cnn seems unsure about europe and ukraine, what exactly is it unsure about": the question
    // refers back to the text before it, which is kept.
    const question = text.slice(m.index);
    return REFERS_BACK.test(question) ? text : question;
  }
  return text;
}

const REFERS_BACK = /\b(?:it|its|they|them|their|this|that|these|those|he|him|his|she|her)\b/i;

/** Characters from which a question is long enough to carry a preamble before it. */
const LONG_QUESTION = 120;
/** Words before a question word that make them a preamble rather than part of the question. */
const PREAMBLE_WORDS = 6;
const QUESTION_WORD_AT = /\b(?:who|what|when|where|why|how|which)\b/gi;

const CONFIRMS_BEFORE = /^\W*(?:is|was|are)\s+(?:that|this|it|he|she|they)\s+(?:really\s+)?(?:true|right|correct)\W*$/i;

/** A sentence's end followed by more text: only then is there a choice of sentences to make. */
export const MORE_THAN_ONE = /[.!?…]\s+\S/;

/** Ends with "?" or opens with a question word or an auxiliary: a sentence that asks. */
export function opensOrEndsQuestion(text: string): boolean {
  return /\?\s*$/.test(text) || OPENS_QUESTION.test(text);
}

/**
 * Asks something somewhere: a question word anywhere ("so can u explain who leads"), or opens
 * with text-speak for one ("wen did he arrive"; an interjection such as "hey" opens nothing).
 */
export function asksAnything(text: string): boolean {
  if (opensOrEndsQuestion(text) || HAS_QUESTION_WORD.test(text)) return true;
  const first = tokens(text).find((t) => t.pos !== 'INTJ');
  return first !== undefined && textSpeakFor(first.normal).some((f) => HAS_QUESTION_WORD.test(f));
}

// After a word that only links it to what came before ("so does Russia…", "but who…").
const OPENS_QUESTION =
  /^\W*(?:(?:so|but|and|anyway|well|then|also|ok|okay)\s*,?\s+)?(?:who|whom|whose|what|whats|when|where|why|how|which|is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b/i;
const HAS_QUESTION_WORD = /\b(?:who|what|when|where|why|how|which)\b/i;

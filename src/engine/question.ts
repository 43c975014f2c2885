import { sentences, tokens } from './language.js';
import { textSpeakFor } from './subject.js';

/**
 * The question in what was typed: people write greetings and context before it ("Good evening.
 * I have been reading the report… Who is leading the talks?"). Of several sentences, the ones that
 * ask (ending in "?" or opening with a question word or an auxiliary) are the question; failing
 * those, the ones with a question word anywhere. A single sentence is kept whole.
 */
export function questionOf(text: string): string {
  if (!MORE_THAN_ONE.test(text)) return text;
  const all = sentences(text);
  if (all.length < 2) return text;
  const asking = all.filter(opensOrEndsQuestion);
  const chosen = asking.length ? asking : all.filter((s) => HAS_QUESTION_WORD.test(s));
  return chosen.length && chosen.length < all.length ? chosen.join(' ') : text;
}

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

const OPENS_QUESTION =
  /^\W*(?:who|whom|whose|what|whats|when|where|why|how|which|is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b/i;
const HAS_QUESTION_WORD = /\b(?:who|what|when|where|why|how|which)\b/i;

import { normalize, termOf } from '../text.js';
import type { Answer, KnowledgeBase } from '../types.js';
import { kindOf, outletTermsOf } from './polar.js';

/**
 * "Is it 28 points or 26", "did he arrive on Wednesday or Tuesday": a question offering two
 * alternatives of one kind (numbers, days, months, names) is no yes/no question, and "No" is no
 * answer to it. Each alternative is asked on its own as a yes/no question; the reply names the one
 * the report holds ("Wednesday, not Tuesday."), or "Neither" when it contradicts both, then gives
 * the evidence. When the report settles neither, the question is left to the usual reading.
 */
export interface Alternatives {
  /** The question with the first alternative only, and with the second in its place. */
  first: { word: string; question: string };
  second: { word: string; question: string };
}

/** One "or" between two words of a kind the report can settle; undefined for anything else. */
export function alternativesOf(kb: KnowledgeBase, question: string): Alternatives | undefined {
  const parts = question.split(/\s+or\s+/i);
  if (parts.length !== 2) return undefined;
  const [left, right] = parts as [string, string];
  // The second alternative: one word, after a repeated article or preposition ("or on Tuesday").
  const m = /^(?:(?:the|a|an|on|in|at|to)\s+)?([\p{L}\p{N}-]+)(.*)$/su.exec(right.trim());
  if (!m) return undefined;
  const [, second, rest] = m as unknown as [string, string, string];
  // A kind the report can settle; an outlet (CNN, Axios) is a voice, as a name is.
  const kindIn = (word: string) =>
    kindOf(normalize(word), kb) ??
    (outletTermsOf(kb).has(termOf(normalize(word), kb.index.synonyms)) ? 'name' : undefined);
  const kind = kindIn(second);
  if (!kind) return undefined;
  // The first alternative: the last word before "or" of the same kind ("28" in "28 points or 26").
  const words = left.split(/\s+/);
  let at = words.length - 1;
  while (at >= 0 && kindIn(words[at]!.replace(/-.*$/u, '')) !== kind) at--;
  if (at < 0) return undefined;
  // Words after the second alternative belong to both only when the two stand side by side
  // ("is Witkoff or Driscoll leading the talks"); "…or not" asks nothing of a second one.
  if (!/^\W*$/u.test(rest) && at !== words.length - 1) return undefined;
  const first = words[at]!.replace(/-.*$/u, '');
  if (normalize(first) === normalize(second)) return undefined;
  const swapped = [...words.slice(0, at), words[at]!.replace(first, second), ...words.slice(at + 1)];
  return {
    first: { word: first, question: `${left}${rest}` },
    second: { word: second, question: `${swapped.join(' ')}${rest}` },
  };
}

/**
 * The reply to an alternative question from the yes/no replies to each alternative: the one said
 * Yes while the other is not, or "Neither" when both are said No.
 */
export function chooseAlternative(
  alternatives: Alternatives,
  askPolar: (question: string) => Answer,
): Answer | undefined {
  const { first, second } = alternatives;
  const a = askPolar(first.question);
  const b = askPolar(second.question);
  const verdict = (r: Answer) =>
    r.status !== 'answered' ? undefined : /^(yes|no)\b/i.exec(r.text)?.[1]?.toLowerCase();
  const [va, vb] = [verdict(a), verdict(b)];
  const withLead = (r: Answer, lead: string): Answer => {
    const answer = lead ? `${lead} ${verdictless(r.answer ?? r.text)}` : verdictless(r.answer ?? r.text);
    return { ...r, answer, text: answer };
  };
  if (va === 'yes' && vb !== 'yes')
    return withLead(a, `${named(first.word)}${vb === 'no' ? `, not ${named(second.word)}` : ''}.`);
  if (vb === 'yes' && va !== 'yes')
    return withLead(b, `${named(second.word)}${va === 'no' ? `, not ${named(first.word)}` : ''}.`);
  if (va === 'no' && vb === 'no') return withLead(a, 'Neither.');
  // Yes to both, or a verdict on one only: the report settles nothing between them. The
  // evidence, without a verdict (a "Yes" to "A or B?" would answer nothing).
  if (va || vb) return withLead(va ? a : b, '');
  return undefined;
}

/** Numbers as typed; days, months and names as names are written. */
const named = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** A verdict opening ("Yes.", "No.", "Yes, largely.") taken off a text. */
const verdictless = (text: string) => text.replace(/^(?:yes|no)\b(?:,[^.!?]*)?[.!?]?\s*/iu, '');

/** "A or B", not "…or not" / "…or what": the question offers a choice. */
export function offersChoice(question: string): boolean {
  return /\b\w+\s+or\s+(?!not\b|what\b|so\b|something\b|anything\b|nothing\b)\w+/iu.test(question);
}

/** The reply without a Yes or No opening, for a question a Yes or No does not answer. */
export function withoutVerdict(reply: Answer): Answer {
  if (reply.status !== 'answered' || !reply.answer || !/^(?:yes|no)\b/i.test(reply.answer)) return reply;
  const answer = verdictless(reply.answer);
  return { ...reply, answer, text: reply.text === reply.answer ? answer : verdictless(reply.text) };
}

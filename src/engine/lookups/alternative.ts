import { tokens, type Token } from '../language.js';
import { normalize, termOf } from '../text.js';
import type { Answer, KnowledgeBase } from '../types.js';
import { CLOSING_TAG, evidenceTexts, kindOf, outletTermsOf } from './polar.js';

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
  /**
   * Phrases, not single words: a report line's words alone ("a source… what U.S. officials
   * perceive") do not settle which of two phrases it is; a curated entry must.
   */
  phrases?: boolean;
  /** The report's own texts: how their names are written ("CNN", "the Army"). */
  texts?: readonly string[];
}

/** One "or" between two words of a kind the report can settle; undefined for anything else. */
export function alternativesOf(kb: KnowledgeBase, asked: string): Alternatives | undefined {
  // A closing tag ("…or 18 points, right?") asks to confirm whichever is held; it is of neither.
  const question = asked.replace(CLOSING_TAG, '?');
  // A name or an outlet ("CNN"): the words that take no article of the other alternative's.
  const isNamed = (word: string) => kindIn(kb, word) === 'name';
  const found =
    whoOfTwo(question, isNamed) ??
    cleftAlternatives(question) ??
    wordAlternatives(kb, question) ??
    phraseAlternatives(question, isNamed);
  return found && { ...found, texts: kb.knowledge.stories.flatMap((s) => s.lines) };
}

function wordAlternatives(kb: KnowledgeBase, question: string): Alternatives | undefined {
  const parts = question.split(/\s+or\s+/i);
  if (parts.length !== 2) return undefined;
  const [left, right] = parts as [string, string];
  // The second alternative: one word, after a repeated article or preposition ("or on Tuesday").
  const m = /^(?:(?:the|a|an|on|in|at|to)\s+)?([\p{L}\p{N}-]+)(.*)$/su.exec(right.trim());
  if (!m) return undefined;
  const [, second, rest] = m as unknown as [string, string, string];
  const kind = kindIn(kb, second);
  if (!kind) return undefined;
  // The first alternative: the last word before "or" of the same kind ("28" in "28 points or 26").
  const words = left.split(/\s+/);
  let at = words.length - 1;
  while (at >= 0 && kindIn(kb, words[at]!.replace(/-.*$/u, '')) !== kind) at--;
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
    r.status !== 'answered' || (alternatives.phrases && r.entry?.startsWith('line:'))
      ? undefined
      : /^(yes|no)\b/i.exec(r.text)?.[1]?.toLowerCase();
  const [va, vb] = [verdict(a), verdict(b)];
  const withLead = (r: Answer, lead: string): Answer => {
    const answer = lead ? `${lead} ${verdictless(r.answer ?? r.text)}` : verdictless(r.answer ?? r.text);
    return { ...r, answer, text: answer };
  };
  if (va === 'yes' && vb !== 'yes')
    return withLead(a, lead(first.word, vb === 'no' ? second.word : undefined, a, alternatives.texts));
  if (vb === 'yes' && va !== 'yes')
    return withLead(b, lead(second.word, va === 'no' ? first.word : undefined, b, alternatives.texts));
  if (va === 'no' && vb === 'no') return withLead(a, 'Neither.');
  // Yes to both, or a verdict on one only: the report settles nothing between them. The
  // evidence, without a verdict (a "Yes" to "A or B?" would answer nothing).
  if (va || vb) return withLead(va ? a : b, '');
  return undefined;
}

/** A kind the report can settle: a number, day, month or name; an outlet (CNN, Axios) is a voice, as a name is. */
function kindIn(kb: KnowledgeBase, word: string): ReturnType<typeof kindOf> {
  return (
    kindOf(normalize(word), kb) ??
    (outletTermsOf(kb).has(termOf(normalize(word), kb.index.synonyms)) ? 'name' : undefined)
  );
}

/**
 * "Was it the Army that called it fact-finding, or the White House?": the second alternative
 * put after the predicate of a cleft; each is asked in the cleft's focus.
 */
/**
 * "Who was disappointed, Trump or Putin?": which of two named did it, each put in the asking
 * word's place ("Trump was disappointed").
 */
function whoOfTwo(question: string, isNamed: (word: string) => boolean): Alternatives | undefined {
  const m = WHO_OF_TWO.exec(question);
  if (!m) return undefined;
  const second = m[3]!;
  let [predicate, first] = [m[1]!, m[2]!];
  const named = (phrase: string) => phrase.split(/\s+/).every(isNamed);
  // "Who was disappointed Trump or Putin": without a comma, the word before the first name is the predicate's.
  const words = first.split(/\s+/);
  if (!named(first) && words.length === 2) [predicate, first] = [`${predicate} ${words[0]}`, words[1]!];
  if (!named(first) || !named(second) || normalize(first) === normalize(second)) return undefined;
  return {
    first: { word: first, question: `${first} ${predicate}` },
    second: { word: second, question: `${second} ${predicate}` },
    phrases: true,
  };
}
/** Whether a question asks which of two named did something ("who leads the talks, Witkoff or Driscoll"). */
export const asksWhoOfTwo = (question: string): boolean => WHO_OF_TWO.test(question);
const WHO_OF_TWO =
  /^\W*who\s+(.+?)\s*,?\s+([\p{L}.'’-]+(?:\s+[\p{L}.'’-]+)?)\s+or\s+([\p{L}.'’-]+(?:\s+[\p{L}.'’-]+)?)\W*$/iu;

function cleftAlternatives(question: string): Alternatives | undefined {
  const m = CLEFT_OR.exec(question);
  if (!m) return undefined;
  const [, opening, first, link, predicate, second] = m as unknown as [string, string, string, string, string, string];
  if (normalize(first) === normalize(second)) return undefined;
  const ask = (focus: string) => `${opening} ${focus} ${link} ${predicate}`;
  return {
    first: { word: first, question: ask(first) },
    second: { word: second, question: ask(second) },
    phrases: true,
  };
}
const CLEFT_OR =
  /^\W*((?:was|is|were|wasn'?t|isn'?t)\s+it)\s+(.+?)\s+(who|that)\s+(.+?),?\s+or\s+(?:was\s+it\s+)?((?:the\s+|a\s+|an\s+)?[\p{L}\p{N}.'’-]+(?:\s+[\p{L}\p{N}.'’-]+){0,3})\W*$/iu;

/**
 * "Is Witkoff a special envoy or secretary of state", "was it the Army or the White House that
 * called it…", "this week or last month": two noun phrases side by side, each asked in the place
 * of the other. The second runs from "or" to the end of its noun phrase; the first is the noun
 * phrase before "or", from its determiner, or as long as the second where it has none.
 */
function phraseAlternatives(question: string, isNamed: (word: string) => boolean): Alternatives | undefined {
  const toks = tokensWithOffsets(question);
  const ors = toks.filter((t) => t.normal === 'or');
  if (ors.length !== 1) return undefined;
  const at = toks.indexOf(ors[0]!);
  let end = at + 1;
  // A noun straight before a determiner is a verb the tagger misread ("a Russian source call the discussions").
  while (
    end < toks.length &&
    inPhrase(toks, end) &&
    !(end > at + 1 && toks[end + 1]?.pos === 'DET' && toks[end]!.pos === 'NOUN' && isHead(toks[end - 1]!))
  )
    end++;
  const second = toks.slice(at + 1, end);
  if (!second.some(isHead)) return undefined;
  let start = at;
  const longest = second.filter((t) => t.pos !== 'DET').length + 1;
  while (start > 0 && inPhrase(toks, start - 1) && at - start < longest && toks[start]?.pos !== 'DET') start--;
  if (toks[start]?.pos !== 'DET' && start < at && !inPhrase(toks, start)) start++;
  const first = toks.slice(start, at);
  if (!first.some(isHead)) return undefined;
  const text = (from: number, to: number) => question.slice(from, to).trim();
  const before = question.slice(0, first[0]!.start);
  const after = question.slice(second.at(-1)!.end);
  // The first alternative's own determiner is kept for the second ("a special envoy or secretary
  // of state": "a secretary of state").
  // Not for a name: "the Army or CNN".
  const det =
    first[0]!.pos === 'DET' && second[0]!.pos !== 'DET' && second[0]!.pos !== 'PROPN' && !isNamed(second[0]!.text)
      ? `${first[0]!.text} `
      : '';
  const firstText = text(first[0]!.start, first.at(-1)!.end);
  const secondText = `${det}${text(second[0]!.start, second.at(-1)!.end)}`;
  if (normalize(firstText) === normalize(secondText)) return undefined;
  return {
    first: { word: firstText, question: `${before}${firstText}${after}` },
    second: { word: secondText, question: `${before}${secondText}${after}` },
    phrases: true,
  };
}

/** A word of a noun phrase: a determiner, an adjective, a noun or name, a number; "of" between two. */
function inPhrase(toks: readonly OffsetToken[], i: number): boolean {
  const t = toks[i]!;
  // Lower-case "us" before a noun is the country ("a us official").
  if (PHRASE.has(t.pos) || (t.normal === 'us' && toks[i + 1]?.pos === 'NOUN')) return true;
  return (
    t.normal === 'of' && i > 0 && isHead(toks[i - 1]!) && toks[i + 1] !== undefined && PHRASE.has(toks[i + 1]!.pos)
  );
}
const PHRASE: ReadonlySet<string> = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
const isHead = (t: OffsetToken) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM';

type OffsetToken = Token & { start: number; end: number };

/** The words of a question, each with where it stands in the text. */
function tokensWithOffsets(question: string): OffsetToken[] {
  let from = 0;
  const out: OffsetToken[] = [];
  for (const t of tokens(question)) {
    const start = question.indexOf(t.text, from);
    if (start < 0) continue;
    from = start + t.text.length;
    out.push({ ...t, start, end: from });
  }
  return out;
}

/**
 * "Wednesday, not Tuesday.", "The Army, not the White House.": each alternative with its words
 * written as the evidence or the report writes them ("army" is "Army"), or as names are written,
 * the lead capitalised.
 */
function lead(held: string, not: string | undefined, reply: Answer, texts: readonly string[] = []): string {
  // A word as the evidence writes it inside a sentence ("the Army", "special envoy"); a name the
  // evidence lacks, as the report writes it ("CNN"). Not a sentence's first word.
  const evidence = evidenceTexts(reply).join(' ');
  const inEvidence = wordForms(evidence, false);
  const inReport = wordForms(texts.join(' '), true);
  const asWritten = (phrase: string) => {
    const single = !/\s/u.test(phrase.trim());
    return phrase.replace(
      /[\p{L}\p{N}-]+/gu,
      (w) => inEvidence.get(w.toLowerCase()) ?? (single ? (inReport.get(w.toLowerCase()) ?? named(w)) : w),
    );
  };
  return `${named(asWritten(held))}${not === undefined ? '' : `, not ${asWritten(not)}`}.`;
}

/** Each word of a text (lower case) -> its first form inside a sentence. */
function wordForms(text: string, namesOnly: boolean): Map<string, string> {
  const forms = new Map<string, string>();
  const lower = new Set<string>();
  for (const m of text.matchAll(/(?<![.!?:]\s|^)(?<=[\s(“"])[\p{L}\p{N}][\p{L}\p{N}-]*/gu)) {
    const w = m[0];
    if (!/^\p{Lu}/u.test(w)) lower.add(w);
    if (!forms.has(w.toLowerCase())) forms.set(w.toLowerCase(), w);
  }
  // Only names, if asked: words the text never writes in lower case ("CNN", "Army"; not "special").
  if (namesOnly) for (const [key, w] of forms) if (!/^\p{Lu}/u.test(w) || lower.has(key)) forms.delete(key);
  return forms;
}
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

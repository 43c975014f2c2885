import type { PersonEntry, Source } from '../../knowledge/types.js';
import type { Scope } from '../stories.js';
import type { Answer, KnowledgeBase } from '../types.js';
import { asksAnything } from '../question.js';
import { normalize, stripPreamble } from '../text.js';
import { ask } from './ask.js';
import { peopleNamedIn } from '../people.js';

/** At most this many parts of one question are answered. */
export const MAX_PARTS = 3;

/**
 * The parts of a compound question: split where "and", "also", ";" or "?" is followed by a new
 * question ("when did he arrive and who did he meet"). A part without a name borrows the first
 * part's names for its "he" or "they". Parts that ask nothing are left out.
 */
export function splitQuestion(text: string): string[] {
  const split = text
    .split(SEPARATOR)
    .map((p) => p.trim())
    .filter((p) => /\p{L}/u.test(p));
  // A part that asks nothing is what the person was doing or thinking, not a question to answer
  // ("hey so i was reading this and im confused, who reported it").
  const parts = split.length > 1 && split.some(asksAnything) ? split.filter(asksAnything) : split;
  if (parts.length === 1) return [parts[0]!];
  return parts.length > 1 ? parts.slice(0, MAX_PARTS) : [text];
}

const OPENING =
  "(?:who|whom|whose|what|what's|whats|when|where|why|how|which|is|are|was|were|did|does|do|has|have|had|can|could|will|would)\\b";
/** "…, is that right": asks to confirm the question before it, not a new question. */
const CONFIRM = '(?:is|was) (?:that|this|it) (?:right|true|correct)';
const SEPARATOR = new RegExp(`\\s*(?:[?;,]|,?\\s+(?:and|also|&)(?:\\s+also)?)\\s+(?!${CONFIRM})(?=${OPENING})`, 'i');

const REFERS_TO_ANSWER = /\b(?:it|that|this)\b/i;
const PRONOUN = /\b(?:he|she|they|him|her|them|his|their|it)\b/i;

/**
 * Whom a later part's "they" means: the people the first part names, when it names several
 * ("did Trump meet Putin… and did they agree": Trump and Putin).
 */
function peopleIn(kb: KnowledgeBase, first: string): string | undefined {
  const named = peopleNamedIn(kb.index, first).map((p) => p.name);
  return named.length > 1 ? named.join(' and ') : undefined;
}

/**
 * A part with its pronoun's referent: "he" or "him" replaced by the name ("what did he say":
 * "what did Dmitry Peskov say", which finds his words); other pronouns ("his background") keep
 * the referent beside them, in brackets.
 */
function withReferent(part: string, named: string): string {
  const personal = /\b(?:he|she|him)\b/i;
  if (personal.test(part)) return part.replace(personal, named);
  return `${part} (${named})`;
}

/** The one person the first part names ("who is Peskov and what did he say": he is Peskov). */
function onlyPersonIn(kb: KnowledgeBase, first: string): string | undefined {
  const named = peopleNamedIn(kb.index, first);
  if (named.length !== 1) return undefined;
  // By the name they go by ("Peskov"): the words the knowledge asks about them with.
  const [person] = named as [PersonEntry];
  return person.aliases.find((a) => !a.includes(' ')) ?? person.name;
}

/** Every part answered with its own sources, in one reply; the first part's answer comes first. */
/**
 * A part's reply as the combined text shows it: one that asks back says it is not sure, without
 * a "Did you mean:" whose choices only the reply's buttons could show (and those are the first part's).
 */
function partText(a: Answer): string {
  return a.text.replace(ASKS_BACK, '').trimEnd();
}
const ASKS_BACK = /\s*Did you mean:\s*$/;

export function answerParts(kb: KnowledgeBase, typed: readonly string[], scope: Scope = {}): Answer {
  // Each part as asked, without what was typed before it ("i was reading this and wanted to know…").
  const parts = typed.map((p) => stripPreamble(p) || p);
  const subject = /^\W*(?:\w+\s+){0,3}?(?:did|does|is|was|has)\s+(.+?)\s+\w+$/i;
  const first = parts[0]!;
  const opening = ask(kb, first, undefined, 'ask', scope);
  // Whom the first part names, or the person its answer is ("what's the defence minister's name
  // and what did he thank the US for": he is Shmyhal).
  const answeredPerson = () => {
    const entry = opening.status === 'answered' && opening.entry ? kb.index.byId.get(opening.entry) : undefined;
    if (entry?.kind !== 'person') return undefined;
    // Only when the first part asked for them without naming them: its "he" is the answer.
    const asked = new Set(normalize(first).split(' '));
    const names = [entry.name, ...entry.aliases.filter((a) => !a.includes(' '))];
    const named = names.some((n) =>
      normalize(n)
        .split(' ')
        .some((w) => asked.has(w)),
    );
    return named ? undefined : entry.name;
  };
  const answers = parts.map((part, i) => {
    if (i === 0) return opening;
    // "... and why": the question word alone asks it of the first part's subject.
    if (part.split(/\s+/).length <= 2)
      return ask(kb, `${part} ${first.replace(new RegExp(`^\\W*${OPENING}\\s*`, 'i'), '')}`, undefined, 'ask', scope);
    const named = PRONOUN.test(part)
      ? ((/\b(?:they|them|their)\b/i.test(part) ? peopleIn(kb, first) : undefined) ??
        subject.exec(first)?.[1] ??
        answeredPerson() ??
        onlyPersonIn(kb, first))
      : undefined;
    return ask(kb, named ? withReferent(part, named) : part, undefined, 'ask', scope);
  });
  // "…and where did he say it": a part about the first part's answer ("it", "that") that finds no
  // answer of its own, but has the first part's entry among its suggestions, is answered by it.
  const firstAnswer = answers[0]!;
  for (let i = 1; i < answers.length; i++) {
    const a = answers[i]!;
    if (
      firstAnswer.status === 'answered' &&
      a.status === 'unsure' &&
      REFERS_TO_ANSWER.test(parts[i]!) &&
      a.suggestions.some((s) => s.id === firstAnswer.entry)
    ) {
      answers[i] = firstAnswer;
    }
  }
  const answered = answers.filter((a) => a.status === 'answered');
  const lead = answered[0] ?? answers[0]!;
  const text = answers.map((a, i) => `${i + 1}. ${parts[i]!.replace(/\?*$/, '?')} ${partText(a)}`).join('\n\n');
  const sources: Source[] = [];
  for (const a of answers) for (const s of a.sources) if (!sources.includes(s)) sources.push(s);
  return {
    ...lead,
    status: answered.length ? 'answered' : lead.status,
    answer: answered.length ? text : null,
    text,
    sources,
    confidence: Math.min(...answers.map((a) => a.confidence)),
    conflict: answers.some((a) => a.conflict),
    suggestions: answered.length ? [] : lead.suggestions,
    parts: answers,
  };
}

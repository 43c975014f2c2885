import nlp from 'compromise';
import { forNlp, terms, verbs } from './nlp.js';
import type { Person } from './people.js';
import type { TimeExpression } from './times.js';
import type { Voice } from './voices.js';

/**
 * Questions a reader would ask about one claim, made from its parts as compromise reads them:
 * the subject (who or what the claim is about), the main verb and its infinitive, and what follows.
 * "Army Secretary Dan Driscoll arrived in Ukraine on Wednesday" gives "Who arrived in Ukraine on
 * Wednesday?", "What did Driscoll do?", "Did Driscoll arrive in Ukraine?" and, for its event,
 * "When did Driscoll arrive in Ukraine?". Several forms, because people ask with every question word.
 */
export interface Questions {
  /** The question shown on a "did you mean" button. */
  title: string;
  phrasings: string[];
  /** Asked of the claim's time expression: belong to its event entry. */
  when: string[];
  /** The person the claim is about, when its subject is one: "the visit" in the next sentence is theirs. */
  about: Person | undefined;
}

const MAX_WORDS = 10;
/** Verbs that report speech: "said" asks nothing about the story itself. */
const REPORTING = /^(?:say|tell|report|note|add|describe)$/;
const hasStop = (t: { tags: ReadonlySet<string>; post: string }) =>
  ['Preposition', 'Conjunction', 'Determiner', 'Pronoun'].some((tag) => t.tags.has(tag)) || /[,;—–]/.test(t.post);

export function questionsFor(
  claim: string,
  people: readonly Person[],
  times: readonly TimeExpression[],
  voice: Voice,
  lastPerson: Person | null = null,
  previousSubject?: Person,
): Questions {
  const text = claim.replace(/[.”"]+$/, '').trim();
  const words = terms(text);
  // compromise can read "the last major strike" as a verb: a verb right after a determiner is none.
  const verb = verbs(text).find((v) => {
    if (v.start === 0) return false;
    const before = words.filter((t) => t.end <= v.start).at(-1);
    return !before?.tags.has('Determiner');
  });
  const quoted = /^[“"]/.test(claim);
  const subjectText = verb ? text.slice(0, verb.start).replace(/[,\s]+$/, '') : '';
  // "He was joined by ..." is about the person named last; "The Trump administration" is not about Trump.
  const pronoun = /^(?:he|she)$/i.test(subjectText) ? lastPerson : null;
  const subjectPerson = pronoun ?? headPerson(subjectText, people);
  const subject = subjectPerson?.surname ?? shortSubject(subjectText);
  // The head of the subject names people ("dock workers", "a source"), not "previous attempts by the broker".
  const subjectIsPeople = terms(subject).some((t) => t.tags.has('Actor') || t.tags.has('Person'));
  const predicate = verb ? text.slice(verb.start) : text;
  // What follows the verb, without its time words, cut at the first comma: "in Ukraine".
  let object = verb ? text.slice(verb.end) : '';
  for (const t of times) object = object.replace(t.span.text, ' ');
  object = clipWords(
    object.replace(/\s+(?:on|in|at|by|since|during|late|early)\s*(?=[,.]|$)/g, ' ').split(/[,;—–(]/)[0]!,
  );
  const simple = verb && !verb.copula && !verb.auxiliary && verb.infinitive;
  const aux = verb?.auxiliary.split(/\s+/)[0] || (verb?.copula ? verb.text.split(/\s+/)[0] : '');
  const rest = verb && !simple ? text.slice(verb.start + (aux ? aux.length : 0)).trim() : '';
  const ask = (qw: string) => {
    if (!verb || !subject) return undefined;
    if (simple) return `${qw} did ${subject} ${verb.infinitive} ${object}`;
    return aux ? `${qw} ${aux.toLowerCase()} ${subject} ${phrase(rest)}` : undefined;
  };

  const phrasings: string[] = [];
  const add = (q: string | undefined) => {
    const clean = q
      ?.replace(/\s+/g, ' ')
      .replace(/\s+([,.?])/g, '$1')
      .trim();
    if (clean && clean.split(' ').length >= 2) phrasings.push(/[?]$/.test(clean) ? clean : `${clean}?`);
  };

  const speaker =
    voice.kind === 'person' ? voice.label.split(' ').pop() : voice.kind === 'agency' ? undefined : voice.label;
  if (quoted) {
    // Direct speech: a reader asks what the speaker said.
    if (speaker) add(`What did ${speaker} say`);
  } else if (voice.kind === 'person' && speaker && /[“"]/.test(claim)) {
    // "..., saying “no new developments”": the speaker's words, and the claim.
    add(`What did ${speaker} say`);
    add(`Who ${phrase(lowerFirst(predicate))}`);
  } else if (subjectPerson || subjectIsPeople) {
    add(`Who ${phrase(lowerFirst(predicate))}`);
  } else if (subject) {
    add(`What ${phrase(lowerFirst(predicate))}`);
  }
  if (subjectPerson) add(`What did ${subjectPerson.surname} do`);
  else if (simple && subject && people.some((p) => subject.includes(p.surname))) add(`What did ${subject} do`);
  // "X was joined by Y", "the visit was ordered by Trump": asked the active way round.
  const passive = verb && /^(?:was|were|is|are|has been|have been|had been)$/i.test(verb.auxiliary.trim());
  const by = passive ? /^\s+by\s+(.+)$/.exec(text.slice(verb.end)) : null;
  if (verb && by) {
    const done = verb.text.split(/\s+/).pop()!;
    add(`Who ${done} ${subjectPerson?.surname ?? shortSubject(subjectText)}`);
  }
  // The subject by the role the report gives: "Why did the army secretary ...".
  const role = subjectPerson?.role && roleWords(subjectPerson.role);
  if (role && simple) {
    add(`${why(predicate) ? 'Why' : 'What'} did the ${role} ${verb.infinitive} ${object}`);
    add(`What did the ${role} do`);
  } else if (role && aux) add(`${capitalise(aux)} the ${role} ${phrase(rest)}`);
  // "Why" only where the sentence gives a reason or a purpose.
  if (why(predicate)) {
    // The question without its answer: "Why have previous attempts collapsed?", not "... due to a lack of ...".
    const cut = (t: string) => t.split(REASON)[0]!.trim();
    if (verb && subject && simple) add(`Why did ${subject} ${verb.infinitive} ${cut(object)}`);
    else if (verb && subject && aux) add(`Why ${aux.toLowerCase()} ${subject} ${cut(phrase(rest))}`);
    // The subject in full, when it names more than its head: "previous attempts by the Trump administration".
    const full = lowerFirst(subjectText.replace(/^[“"]/, ''));
    if (!subjectPerson && full !== subject && full.split(/\s+/).length <= 8 && verb && aux && !/[,—–(]/.test(full))
      add(`Why ${aux.toLowerCase()} ${full} ${cut(phrase(rest))}`);
    add(ask('Why'));
  }
  add(
    simple
      ? `Did ${subject} ${verb.infinitive} ${object}`
      : aux
        ? `${capitalise(aux)} ${subject} ${phrase(rest)}`
        : undefined,
  );
  // The same without what follows the verb: "Did negotiations accelerate?" asked on its own.
  if (simple && object && subject.split(' ').length <= 4) add(`Did ${subject} ${verb.infinitive}`);
  if (subjectPerson && subjectPerson.name !== subjectPerson.surname)
    add(simple ? `What did ${subjectPerson.name} ${verb.infinitive}` : undefined);
  for (const p of people)
    if (p !== subjectPerson && claim.includes(p.surname)) add(`What about ${p.surname} and ${topic(text)}`);
  if (/\b(?:\d[\d,.]*|millions?|billions?|hundreds?|thousands?|dozens?)\b/i.test(text)) {
    const counted = nlp(forNlp(text)).match('#Value+ (of)? #Adjective? [#Plural]', 0).out('array') as string[];
    if (counted[0]) add(`How many ${counted[0]}`);
    else add(`How much ${topic(text)}`);
  }
  const places = nlp(forNlp(text)).places().out('array') as string[];
  if (places.length && verb && subject) {
    // The question without its answer, the place: "Where had it diverted 14 vessels?".
    const cutPlace = (t: string) => t.split(/\s+(?:to|in|at|into|from|near|across|for|since)\s+/)[0]!.trim();
    if (simple) add(`Where did ${subject} ${verb.infinitive} ${cutPlace(object)}`);
    else if (aux) add(`Where ${aux.toLowerCase()} ${subject} ${cutPlace(phrase(rest))}`);
  }
  if (speaker) add(`What did ${speaker} say about ${topic(text)}`);
  if (voice.kind === 'outlet' && speaker) add(`What did ${speaker} report`);
  if ((voice.kind === 'outlet' || voice.kind === 'source') && speaker) add(`What did ${speaker} say`);
  if (voice.kind === 'person' && speaker) {
    // How readers ask for a speaker's words (kept only for the first sentence the speaker speaks).
    add(`What was ${speaker}'s reaction`);
    add(`How did ${speaker} respond`);
  }
  // A phrase the report quotes is one readers ask about by itself: "fact-finding mission?".
  for (const m of claim.matchAll(/[“"]([^”"]{3,60})[”"]/g)) {
    const quoted = m[1]!.replace(/[.,]$/, '');
    if (quoted.split(/\s+/).length <= 6) add(`What about the “${quoted}”`);
  }
  // Verbs past the main one, in the words people ask with: "talks ... broke down" -> "did talks break down".
  for (const v of verbs(text).filter((x) => x.start !== verb?.start && !x.copula && x.infinitive)) {
    if (REPORTING.test(v.infinitive)) continue;
    const before = words.filter((t) => t.end <= v.start);
    let k = before.length;
    while (k > 0 && !hasStop(before[k - 1]!) && before.length - k < 4) k--;
    const who = before
      .slice(k)
      .map((t) => t.text)
      .join(' ');
    const after = phrase(
      text
        .slice(v.end)
        .split(/[,;—–(]/)[0]!
        .split(/\s+/)
        .slice(0, 6)
        .join(' '),
    );
    if (who) {
      add(`Did ${lowerFirst(who)} ${v.infinitive} ${after}`);
      if (times.length) add(`When did ${lowerFirst(who)} ${v.infinitive} ${after}`);
    }
  }
  // Its first noun phrases asked about by themselves: "What about the 28-point draft framework?"
  // (two: each more answers more questions, and wrongly answers more the report does not).
  let topics = 0;
  for (const np of nlp(forNlp(text)).nouns().out('array') as string[]) {
    const clean = np.replace(/[.,;:!?"'\s]+$/, '').replace(/^(?:a|an|the)\s+/i, '');
    const named = people.some((p) => clean.includes(p.surname));
    if (named || clean.split(/\s+/).length < 2 || clean.split(/\s+/).length > 6 || topics >= 2) continue;
    // "the" unless the phrase brings its own determiner or is a name ("both sides", "Port of Rotterdam").
    const own = /^(?:a|an|the|both|all|some|other|each|every|no|this|that|these|those)\s/i.test(np);
    add(`What about ${own || /^\p{Lu}/u.test(clean) ? np.replace(/[.,;:!?"'\s]+$/, '') : `the ${clean}`}`);
    topics++;
  }
  // "Driscoll is a close ally of Vice President JD Vance": whose ally he is, asked without the answer.
  const relation =
    verb?.copula && subjectPerson
      ? /^(?:a|an)\s+(?:[\p{Ll}-]+\s+){0,2}?(\p{Ll}+)\s+of\b/u.exec(rest.replace(/^(?:is|was)\s+/, ''))
      : null;
  if (relation) add(`Who is ${subjectPerson!.surname} an ${relation[1]} of`.replace(/ an (?=[^aeiou])/, ' a '));
  // A person's description ("Driscoll is a close ally of ...", "has worked in ..."): their background.
  if (subjectPerson && verb && (verb.copula || /^ha(?:s|ve)\b/.test(verb.auxiliary.trim())))
    add(`What is ${subjectPerson.surname}'s background`);
  // "The visit was ordered by ..." right after a sentence about Driscoll: Driscoll's visit.
  const definite = /^the (\p{L}+)$/iu.exec(subject);
  if (!subjectPerson && definite && previousSubject) {
    const theirs = `${previousSubject.surname}'s ${definite[1]}`;
    for (const q of [...phrasings]) if (q.includes(subject)) add(q.replace(subject, theirs));
  }

  const when = times.length
    ? [ask('When') ?? `When ${lowerFirst(clipWords(text))}`, `What happened ${times[0]!.span.text}`]
    : [];
  const title = phrasings[0] ?? `What does the report say about ${topic(text)}?`;
  return {
    title,
    about: subjectPerson ?? undefined,
    phrasings: unique(phrasings),
    when: unique(when.map((q) => `${q.replace(/\s+/g, ' ').trim()}?`.replace(/\?+$/, '?'))),
  };
}

/** Where a reason or purpose begins: what a "why" question leaves out. */
const REASON = /\s+(?:due to|because|as part of|in order to|to (?=\p{Ll}+\b)|amid|after)\b/u;

/** "Why" only where the sentence gives a reason or a purpose. */
function why(predicate: string): boolean {
  return /\b(?:to \w+|as part of|because|due to|after|amid|in order to|for)\b/i.test(predicate);
}

/**
 * The person a subject is about: one whose surname ends the subject or is followed by a comma,
 * dash or "and" ("Army Secretary Dan Driscoll", "Steve Witkoff, President Donald Trump's envoy");
 * not one named as a modifier ("The Trump administration", "Trump's envoy").
 */
function headPerson(subject: string, people: readonly Person[]): Person | undefined {
  let best: { p: Person; at: number } | undefined;
  for (const p of people) {
    const m = new RegExp(`\\b${p.surname}\\b(?=\\s*(?:$|[,—–(]|and\\b))`).exec(subject);
    if (m && (!best || m.index < best.at)) best = { p, at: m.index };
  }
  return best?.p;
}

/** A role as a reader names it: "Army Secretary" -> "army secretary"; none for a long or possessive one. */
function roleWords(role: string): string | undefined {
  if (/['’]s\b|^(?:the|a|an)\s/i.test(role) || role.split(/\s+/).length > 4) return undefined;
  return role.toLowerCase().replace(/\./g, '');
}

/** The head of a long subject: "Dock workers at the Port of Rotterdam" -> "dock workers". */
function shortSubject(subject: string): string {
  const head = subject.split(/[,—–(]/)[0]!.trim();
  const words = terms(head);
  const cut = words.findIndex((t, i) => i > 0 && t.tags.has('Preposition'));
  const kept = cut > 0 ? head.slice(0, words[cut]!.start).trim() : head;
  return kept ? lowerFirst(clipWords(kept.replace(/^[“"]/, ''), 6)) : '';
}

/** A predicate cut to its first phrase and to a whole last word: "walked off the job on Monday". */
function phrase(text: string): string {
  const first = text.split(/[,;—–(]/)[0]!;
  return clipWords(first).replace(/\s+(?:a|an|the|of|at|in|on|to|for|and|or|by|with|from)$/i, '');
}

/** The main nouns of a claim, for "what about ...": "the 28-point draft framework". */
function topic(text: string): string {
  const words = terms(text);
  const nouns = words.filter(
    (t) => t.tags.has('Noun') && !t.tags.has('Pronoun') && !t.tags.has('Person') && t.text.length > 2,
  );
  return nouns
    .slice(0, 3)
    .map((t) => t.text.replace(/['’]s$/, ''))
    .join(' ');
}

function clipWords(text: string, max = MAX_WORDS): string {
  return text
    .trim()
    .split(/\s+/)
    .slice(0, max)
    .join(' ')
    .replace(/[,;:]+$/, '');
}

function lowerFirst(s: string): string {
  return /^\p{Lu}\p{Ll}/u.test(s) && !/^(?:I|I’m)\b/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function unique(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((q) => {
    const key = q.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

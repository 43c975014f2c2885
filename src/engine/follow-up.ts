import type { Entry, PersonEntry } from '../knowledge/types.js';
import { answer } from './answer.js';
import { tokens } from './language.js';
import { normalize } from './text.js';
import type { KnowledgeBase } from './types.js';

/**
 * Follow-up questions: a member replies to an answer with "when did he arrive?" or "and what did
 * the Kremlin say about it?". The earlier answer's entry says who "he" is (the first person it
 * names) and what "it" is (its topic); the follow-up is rewritten with them and then answered like
 * any question. Pure: the transport keeps the earlier answer, this only reads it.
 */

/** What an earlier answer was about: kept with it (for an hour) so a reply to it can follow up. */
export interface Conversation {
  /** The entry it answered with. */
  entry: string;
}

/** What an entry is about: the people it names, first named first, and its topic. */
export interface Subjects {
  people: readonly PersonEntry[];
  /** A short phrase for "it" and "that": the event, or the thing the entry's question asks about. */
  topic: string | null;
}

export interface FollowUp {
  /** The question to answer: the text with its pronouns replaced by what they stand for. */
  question: string;
  /** Each word replaced, and by what: `[["he", "Dan Driscoll"]]`. Empty when nothing needed it. */
  replaced: readonly (readonly [string, string])[];
  /**
   * When a pronoun could not be tied to the earlier answer: what the question was taken to mean,
   * for the member to read ("I read “he” on its own: …").
   */
  meaning: string | null;
}

const PERSON = new Set(['he', 'him', 'his', 'she', 'her', 'hers', 'himself', 'herself']);
const THING = new Set(['it', 'that', 'this']);
/** Words that open a follow-up and mean nothing on their own: "and when was that?". */
const OPENER = /^(?:and|but|so|also|then|ok(?:ay)?|hmm+)\b[\s,]*/i;

/**
 * The conversation an earlier answer belongs to, from the question it showed (its title), when it
 * was not kept (an answer to a slash command, or one older than the bot's memory): that question
 * asked again, if it is answered.
 */
export function conversationOf(kb: KnowledgeBase, shownQuestion: string): Conversation | null {
  const again = answer(kb, { lookup: 'ask', text: shownQuestion });
  return again.status === 'answered' && again.entry ? { entry: again.entry } : null;
}

/** The people an entry names (itself, for a person) in order of first mention, and its topic. */
export function subjectsOf(kb: KnowledgeBase, id: string): Subjects | null {
  const entry = kb.index.byId.get(id);
  if (!entry) return null;
  return { people: peopleOf(kb, entry), topic: topicOf(entry) };
}

/**
 * Rewrites `text`, a reply to an answer about `previous`, as a question that stands on its own.
 * `previous` null: the earlier answer is not known (too old, or not one of the bot's).
 */
export function followUp(kb: KnowledgeBase, previous: Conversation | null, text: string): FollowUp {
  const trimmed = text.trim().replace(OPENER, '');
  const subjects = previous ? subjectsOf(kb, previous.entry) : null;
  const bare = BARE.exec(trimmed)?.[1]?.toLowerCase();
  const entry = previous ? kb.index.byId.get(previous.entry) : undefined;
  const asked = entry && ADVERBIAL.exec(entry.title);
  // "and when?" after "Why did Driscoll go to Ukraine?": the same question, asked with "when".
  if (bare && asked) {
    return {
      question: `${bare} ${entry.title.slice(asked[1]!.length).trim()}`,
      replaced: [[trimmed, entry.title]],
      meaning: null,
    };
  }
  if (bare) return { question: trimmed, replaced: [], meaning: unresolvedMeaning(trimmed, trimmed, Boolean(entry)) };
  const pronouns = pronounsIn(trimmed);
  if (!pronouns.length) return { question: trimmed || text.trim(), replaced: [], meaning: null };
  const person = subjects?.people[0];
  const replaced: [string, string][] = [];
  let unresolved: string | null = null;
  let n = 0;
  const question = trimmed.replace(WORD, (word) => {
    const at = n++;
    const lower = word.toLowerCase();
    if (!pronouns.includes(at)) return word;
    const by = PERSON.has(lower)
      ? person && (lower === 'his' || lower === 'hers' ? `${person.name}’s` : person.name)
      : (subjects?.topic ?? undefined);
    if (!by) {
      unresolved ??= word;
      return word;
    }
    replaced.push([word, by]);
    return by;
  });
  const meaning = unresolved === null ? null : unresolvedMeaning(unresolved, question, Boolean(subjects));
  return { question, replaced, meaning };
}

/** What a follow-up that could not be tied to the earlier answer was taken to mean. */
function unresolvedMeaning(word: string, question: string, hadAnswer: boolean): string {
  return hadAnswer
    ? `I couldn't tell what “${word}” refers to in the answer you replied to, so I read it as: “${question}”.`
    : `I no longer have the answer you replied to (I keep them for an hour), so I read “${word}” on its own: “${question}”.`;
}

const WORD = /[\p{L}\p{N}’']+/gu;
/** A follow-up that is only a question word: "when?", "and why?". */
const BARE = /^(when|why|where|how)\s*\?*$/i;
/** A question asked with an adverb of time, reason, place or manner and an auxiliary: one whose word can be swapped. */
const ADVERBIAL = /^(when|why|where|how)\s+(?=(?:did|does|do|is|was|were|are|has|have|had|will|would|can|could)\b)/i;

/** The positions (among the words of `text`) of pronouns that stand for a person or a thing. */
function pronounsIn(text: string): number[] {
  const words = text.match(WORD) ?? [];
  const tagged = tokens(text);
  const out: number[] = [];
  let t = 0;
  words.forEach((word, i) => {
    const lower = word.toLowerCase();
    // Align with the tagger's tokens, which split "Driscoll's" and skip punctuation.
    while (t < tagged.length && tagged[t]!.text.toLowerCase() !== lower) t++;
    const token = tagged[t];
    if (PERSON.has(lower)) out.push(i);
    // "that" and "this" stand for something only when not followed by their noun ("that deal").
    else if (THING.has(lower) && (lower === 'it' || !token || token.pos === 'PRON' || !nextIsNoun(words, i)))
      out.push(i);
    if (token) t++;
  });
  return out;
}

function nextIsNoun(words: readonly string[], i: number): boolean {
  const next = words[i + 1];
  if (!next) return false;
  const tag = tokens(next)[0]?.pos;
  return tag === 'NOUN' || tag === 'PROPN' || tag === 'ADJ' || tag === 'NUM';
}

function peopleOf(kb: KnowledgeBase, entry: Entry): PersonEntry[] {
  if (entry.kind === 'person') return [entry];
  const people = kb.knowledge.entries.filter((e): e is PersonEntry => e.kind === 'person' && e.story === entry.story);
  // The entry's own question first (what it is about), then its answer.
  const texts = [entry.title, entry.answer].map((t) => ` ${normalize(t)} `);
  const firstMention = (p: PersonEntry): number => {
    let best = Infinity;
    texts.forEach((text, k) => {
      for (const name of [p.name, ...p.aliases]) {
        const at = text.indexOf(` ${normalize(name)} `);
        if (at >= 0) best = Math.min(best, k * 1e6 + at);
      }
    });
    return best;
  };
  return people
    .map((p) => ({ p, at: firstMention(p) }))
    .filter((x) => x.at < Infinity)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.p);
}

/**
 * What "it" is, for an entry: an event's own wording; otherwise the last noun phrase of its
 * question ("Who is leading the talks?" → "the talks"), or the question without its question word.
 */
function topicOf(entry: Entry): string | null {
  if (entry.kind === 'event') return entry.event.replace(/[.!?]+$/, '');
  if (entry.kind === 'person') return entry.name;
  const tagged = tokens(entry.title);
  // "What did the Kremlin say?": after "did", "does" or "do", the question ends on its verb, whatever the tagger says.
  if (tagged.slice(0, 3).some((t) => /^(do|does|did)$/i.test(t.text))) tagged.pop();
  const phrases: { words: string[]; noun: boolean }[] = [];
  let open = false;
  for (const token of tagged) {
    const nominal =
      ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(token.pos) && !/^(who|what|which)$/i.test(token.text);
    if (!nominal) {
      open = false;
      continue;
    }
    if (!open) phrases.push({ words: [], noun: false });
    open = true;
    const phrase = phrases[phrases.length - 1]!;
    phrase.words.push(token.text);
    if (token.pos === 'NOUN' || token.pos === 'PROPN') phrase.noun = true;
  }
  const named = phrases.filter((p) => p.noun);
  if (named.length) return named[named.length - 1]!.words.join(' ');
  const words = entry.title.replace(/[?.!]+$/, '').split(/\s+/);
  return words.length > 2 ? words.slice(2).join(' ') : null;
}

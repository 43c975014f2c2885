import type { EntryKind } from '../../knowledge/types.js';
import { EMPTY_HINTS } from '../input.js';
import { tokens, type Token } from '../language.js';
import { decline, fromEntry } from '../reply.js';
import { resolveWords, type ResolvedWord } from '../resolve.js';
import { MAX_RANKED, MAX_SUGGESTIONS } from '../limits.js';
import { scoreEntries } from '../score.js';
import { manyStories, routed, type Scope } from '../stories.js';
import {
  asTagQuestion,
  normalize,
  QUESTION_WORDS,
  stripPreamble,
  tellingTerms,
  termOf,
  viewedStatement,
  withAccordingLast,
  withoutAskingAbout,
  withoutLayout,
} from '../text.js';
import type { Answer, KnowledgeBase, Lookup } from '../types.js';
import { alternativesOf, asksWhoOfTwo, chooseAlternative, offersChoice, withoutVerdict } from './alternative.js';
import { agentCheck, cleftOf, uncleft } from './cleft.js';
import { countPeople } from './count.js';
import { decideCovered } from './covered.js';
import { asksFuture, pastForFuture } from './future.js';
import { linesFor } from './lines.js';
import { lineSays } from './line-says.js';
import { linkedStory } from './linked.js';
import { namesNoOneNew } from './named.js';
import {
  isOtherEvent,
  isPolar,
  isUncounted,
  isUndated,
  kindOf,
  notSaid,
  premiseCheck,
  VERDICT_OPENING,
  relativeTimeWords,
  withPolarity,
} from './polar.js';
import { holderOf, noHolder, profileField, roleQuestion } from './role.js';
import { opinionAsked } from './opinion.js';
import { notQuoted, saidBy } from './said.js';
import { holdsWhatIsTold, tellerOf } from './teller.js';
import { happenedAt } from './when.js';

/** A free question: the best-scoring entry of the given kinds (all kinds by default). */
export function ask(
  kb: KnowledgeBase,
  text: string,
  kinds?: ReadonlySet<EntryKind>,
  lookup: Lookup = 'ask',
  scope: Scope = {},
): Answer {
  const asked = asTagQuestion(withAccordingLast(withoutAskingAbout(withoutLayout(stripPreamble(text)))));
  const question = (lookup === 'ask' ? uncleft(asked) : undefined) ?? asked;
  const toks = tokens(question);
  // "Wednesday or Tuesday?": each alternative asked on its own, and the reply names the one held.
  // So is a statement with a choice in it ("Driscoll went to Ukraine Wednesday or Thursday?"),
  // each alternative put up to be confirmed.
  const polar = isPolar(toks, question);
  const statedChoice = !polar && (/\bor\b[^?]*\?+\W*$/iu.test(question) || asksWhoOfTwo(question));
  if (lookup === 'ask' && (polar || statedChoice)) {
    const alternatives = alternativesOf(kb, asked);
    // An alternative that is no question of its own (of a statement, or of a tag question) is put up to be confirmed.
    const put = (q: string) => (isPolar(tokens(q), q) ? q : `${q.replace(/[?.!\s]+$/u, '')}, right?`);
    const chosen = alternatives && chooseAlternative(alternatives, (q) => ask(kb, put(q), kinds, lookup, scope));
    if (chosen) return chosen;
  }
  const found = lookFor(kb, question, toks, kinds, lookup, scope);
  // "Who reported that Trump is doing secret talks": who tells it, found from where it is told,
  // when the question read as it is finds no answer, or only the profile of someone in what is told.
  // Or when what was found holds nothing of what is told ("who said no new developments" finds
  // who reported the story): the telling is found where it is told.
  const profile = found.entry ? kb.index.byId.get(found.entry)?.kind === 'person' : false;
  const teller =
    lookup === 'ask' && (found.status !== 'answered' || profile || !holdsWhatIsTold(kb, found, question))
      ? tellerOf(kb, question, (told) => ask(kb, told, kinds, lookup, scope))
      : undefined;
  const reply = teller ?? found;
  // "Is X the one leading the talks", when the question as asked finds no answer: asked as who
  // leads them, then checked against X.
  // Or answered by an entry that gives no verdict on X ("was Dmitriev the one leading the talks for
  // the US" found Dmitriev's visit).
  const unsettled = reply.status !== 'answered' || !VERDICT_OPENING.test(reply.text);
  const cleft = lookup === 'ask' && unsettled ? cleftOf(asked) : undefined;
  const checked = cleft && agentCheck(kb, cleft, (who) => ask(kb, who, kinds, lookup, scope));
  if (checked) return checked;
  const final = asksFuture(toks) ? pastForFuture(kb, reply) : reply;
  // "Public or secret?" settled by neither alternative: a "Yes" or "No" would answer nothing.
  return lookup === 'ask' && offersChoice(question) ? withoutVerdict(final) : final;
}

function lookFor(
  kb: KnowledgeBase,
  question: string,
  toks: readonly Token[],
  kinds: ReadonlySet<EntryKind> | undefined,
  lookup: Lookup,
  scope: Scope,
): Answer {
  const words = resolveWords(kb.index, question, kb.tuning, toks);
  // Scored, routed among the stories, and decided.
  const pick = (ws: readonly ResolvedWord[]) => routed(kb, ws, question, lookup, kinds, scope);
  // An answer to a neighbouring question is not the answer: another event, or no number for "how many".
  // Nothing found for words the report does use: point to their lines rather than say it doesn't.
  const dated = (reply: Answer) =>
    isOtherEvent(kb, reply, words, toks) || isUncounted(reply, toks) || isUndated(kb, reply, toks)
      ? notSaid(reply)
      : linesFor(kb, reply, words);
  if (words.every((w) => w.filler || QUESTION_WORDS.has(w.term))) {
    return decline(lookup, `I couldn't find a question about the story in that. ${EMPTY_HINTS.ask}`);
  }
  if (lookup === 'ask') {
    const link = linkedStory(kb, question, toks, words, scope);
    if (link) return link;
  }
  if (lookup !== 'ask') return dated(pick(words));

  const opinion = opinionAsked(toks, (word) => kb.index.vocabulary.has(normalize(word)));
  if (opinion) {
    // "Do you think Driscoll went to Kyiv?" asks a fact in a view's words: a fact the report
    // settles is answered (Yes or No, with the quote), one it nearly matches is asked back; what
    // the report does not settle is the view it asks for.
    const statement = viewedStatement(question);
    const checked = statement ? ask(kb, `${statement}, right?`, kinds, lookup, scope) : undefined;
    const settled = checked?.status === 'answered' && /^(?:yes|no)\b/i.test(checked.text);
    return checked && (settled || checked.status === 'unsure') ? checked : opinion;
  }
  const unquoted = notQuoted(kb, toks, words);
  if (unquoted) return unquoted;
  // ("Who is the army secretary", not "who won the US election": a verb asks who did something;
  // one of the telling, "the spokesperson quoted", does not.)
  const telling = tellingTerms(kb.index.synonyms);
  const acting = toks.some((t) => t.pos === 'VERB' && !t.stop && !telling.has(termOf(normalize(t.text))));
  if (words.some((w) => w.term === 'who') && !acting) {
    // Asked who holds a role: the person, not an entry that shares the role's words.
    const holder = holderOf(kb, words);
    if (holder) return fromEntry(lookup, holder, 1);
    const none = noHolder(kb, words, question);
    if (none) return none;
  }
  if (!isPolar(toks, question)) {
    const happened = happenedAt(kb, words, toks, scope);
    if (happened) return happened;
    const field = profileField(kb, words, scope.story);
    if (field) return field;
    const counted = countPeople(kb, toks, words, scope);
    if (counted) return counted;
    // An answer must hold what was asked, and "what did X say" X's words. With several stories and
    // none named, the question is routed first (or asked back: which story?), then checked the same
    // way within the story it was routed to.
    let story = scope.story;
    if (manyStories(kb) && !story) {
      const routedReply = pick(words);
      story = routedReply.status === 'answered' ? routedReply.sources[0]?.story : undefined;
      if (!story) return dated(routedReply);
    }
    const ranked = scoreEntries(kb.index, words, kb.tuning, undefined, MAX_RANKED, story);
    const found = namesNoOneNew(kb, saidBy(kb, toks, words, ranked) ?? decideCovered(kb, lookup, ranked, words), words);
    return dated(forWhQuestion(kb, found, toks));
  }
  const titled = roleQuestion(kb, toks, words);
  if (titled) return titled;
  // A yes/no question's number or day is a premise to check, not a subject to look up ("a 20-point plan?").
  // It finds no entry (no entry has a Friday when the report says Wednesday): the rest of the
  // question finds the entry, and the premise is checked against it.
  // So is a time told relative to the report's that the report never uses ("last month"): no
  // entry has it, where the report has another ("this week").
  const times = relativeTimeWords(
    question,
    kb.knowledge.stories.flatMap((s) => s.lines),
  );
  const checked = (w: ResolvedWord) =>
    (w.unknown && kindOf(w.word, kb) !== undefined && kindOf(w.word, kb) !== 'name') || times.has(w.word);
  const premises = words.filter((w) => !checked(w));
  const picked = pick(premises.length ? premises : words);
  const pickedVerdict = premiseCheck(kb, picked, words, toks);
  // The premise set aside ("on Tuesday") is checked against the best entry that has one of its
  // kind to check it by: among the entries scoring as answers, the first that settles it.
  const settled =
    pickedVerdict === 'unknown' && premises.length < words.length && picked.status === 'answered'
      ? settledBy(kb, premises, words, toks, kinds, scope)
      : undefined;
  const reply = settled?.reply ?? picked;
  const verdict = settled?.verdict ?? pickedVerdict;
  if (reply.status !== 'answered') {
    // A wrong place or name can hide the entry it is wrong about ("did Driscoll go to Russia?",
    // "was Trump disappointed in Zelensky"): look again without the names of the language, then
    // without the people the knowledge knows too, and answer No only if the entry found names
    // another one where the question puts its own.
    // A name the report never uses ("between Trump and Biden") is one such: looked up without it
    // first, it is No where the entry found has another in its place, and else not mentioned.
    const withoutUnknown = premises.filter((w) => !w.unknown);
    const withoutPlaces = premises.filter((w) => kindOf(w.word) !== 'name');
    const withoutPeople = withoutPlaces.filter((w) => kindOf(w.word, kb) !== 'name');
    for (const unnamed of [withoutUnknown, withoutPlaces, withoutPeople]) {
      if (unnamed.length === premises.length || unnamed.length === 0) continue;
      const again = pick(unnamed);
      if (again.status === 'answered' && premiseCheck(kb, again, words, toks) === 'no') {
        return withPolarity(kb, again, 'no');
      }
      if (unnamed !== withoutUnknown && withoutPeople.length === withoutPlaces.length) break;
    }
  }
  // No entry says so, but a sentence of the report does.
  if (reply.status !== 'answered' || verdict === 'unknown') {
    const said = lineSays(kb, words, toks, scope, reply);
    if (said) return said;
  }
  return withPolarity(kb, reply, verdict, words);
}

/**
 * An entry that answers a yes/no question, found for a wh-question ("when were the defence
 * agreements signed" finds "Is there a peace deal yet? No, no deal is reported"): its verdict
 * answers nothing asked. Asked when, where or why, and never asked that way by its curator, its
 * evidence does not say it either: the report doesn't say, and here is what it does.
 */
function forWhQuestion(kb: KnowledgeBase, reply: Answer, toks: readonly Token[]): Answer {
  if (reply.status !== 'answered' || !VERDICT_OPENING.test(reply.answer ?? '')) return reply;
  const entry = reply.entry ? kb.index.byId.get(reply.entry) : undefined;
  if (entry?.kind !== 'qa') return reply;
  const asked = toks.find((t) => NARROW_WH.has(t.normal))?.normal;
  const curated = new Set(entry.phrasings.flatMap((p) => normalize(p).split(' ')));
  const plain = withoutVerdict(reply);
  return asked && !curated.has(asked) ? notSaid(plain) : plain;
}

/**
 * Wh-words asking for a time, a place or a reason. Not "who" or "which": the evidence names who
 * tells it ("which outlet said the talks are secret"); nor "what" or "how".
 */
const NARROW_WH: ReadonlySet<string> = new Set(['when', 'where', 'why']);

/** The first entry scoring as an answer whose evidence says Yes or No to the question. */
function settledBy(
  kb: KnowledgeBase,
  premises: readonly ResolvedWord[],
  words: readonly ResolvedWord[],
  toks: readonly Token[],
  kinds: ReadonlySet<EntryKind> | undefined,
  scope: Scope,
): { reply: Answer; verdict: 'yes' | 'no' } | undefined {
  for (const r of scoreEntries(kb.index, premises, kb.tuning, kinds, MAX_SUGGESTIONS, scope.story)) {
    if (r.score < kb.tuning.answer) break;
    if (r.entry.kind === 'gap') continue;
    const reply = fromEntry('ask', r.entry, r.score);
    const verdict = premiseCheck(kb, reply, words, toks);
    if (verdict !== 'unknown') return { reply, verdict };
  }
  return undefined;
}

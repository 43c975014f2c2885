import {
  adverbSynonymsOf,
  antonymsOf,
  isDemonym,
  isName,
  isPlace,
  rivalPlaces,
  wordCount,
  sentences,
  tokens,
  verbGlossesOf,
  verbSynonymsOf,
  type Token,
} from '../language.js';
import type { ResolvedWord } from '../resolve.js';
import type { Entry } from '../../knowledge/types.js';
import {
  contentWords,
  foldVariant,
  isFiller,
  normalize,
  type QueryWord,
  QUESTION_WORDS,
  tellingTerms,
  termOf,
  termSet,
} from '../text.js';
import type { Answer, KnowledgeBase } from '../types.js';
import { stemmer } from 'stemmer';

/**
 * Yes/no questions. The reply starts with "Yes", "No" or "The report doesn't say", then the
 * evidence. "Yes" needs every word of the question in the cited quotes or the answer; "No" needs a
 * premise the evidence contradicts with a word of the same kind: another number ("20-point" where
 * the report says 28), another day or month, another name or place.
 */
export type Polarity = 'yes' | 'no' | 'unknown';

/** Opens with an auxiliary ("is", "did", "has", "can"...) or ends by asking for confirmation. */
export function isPolar(toks: readonly Token[], text: string): boolean {
  const at = toks.findIndex((t) => !OPENERS.has(t.normal));
  const first = toks[at];
  // "Can you list…", "would u tell me…": a request, not a yes/no question.
  const request = ADDRESSEE.has(toks[at + 1]?.normal ?? '');
  if (first && first.pos === 'AUX' && !QUESTION_WORDS.has(first.normal) && !request) return true;
  // A wh-question ending in a tag ("which general commands the army in Europe, innit") still asks which.
  if (first && WH_OPENING.test(first.text)) return false;
  return ENDS_CONFIRMING.test(text) || /\bis (?:that|this|it) (?:right|true|correct)\b/i.test(text);
}

const WH_OPENING = /^(?:who|whom|whose|what|which|when|where|why|how)(?:'s|s)?$/i;

/** A curated answer that already opens with its verdict. */
export const VERDICT_OPENING = /^(?:yes|no|it is unclear|accounts differ|the report (?:says only|doesn't say))\b/i;

/** A closing "…, right" or "correct?" asks to confirm; it is not a premise. */
const CONFIRMING_WORDS = 'right|correct|true|innit';
const CONFIRMING = new RegExp(`^(?:${CONFIRMING_WORDS})$`);
const ENDS_CONFIRMING = new RegExp(`\\b(?:${CONFIRMING_WORDS})\\W*$`, 'i');
/** A closing tag after a comma ("…, right?"), as typed. */
export const CLOSING_TAG = new RegExp(`,\\s*(?:${CONFIRMING_WORDS})\\W*$`, 'iu');

/**
 * Whether the last word is the predicate of a copula and one noun phrase: "is Trump right", "was
 * the report correct", "is the effort secret" (no second phrase starting with a determiner or
 * pronoun, as in "is it a 28-point plan right", and no comma before it, as in "…, right?").
 */
function predicateAfterOnePhrase(kb: KnowledgeBase, toks: readonly Token[]): boolean {
  const last = toks.at(-1);
  const at = toks.findIndex((t) => !OPENERS.has(t.normal));
  if (!last || !COPULAS.has(toks[at]?.normal ?? '') || last.afterPunctuation) return false;
  const between = toks.slice(at + 1, -1);
  // A name the tagger reads as a verb ("is trump right") is a noun still.
  const nominal = (t: Token) =>
    NOUN_PHRASE.has(t.pos) || kb.index.nameTerms.has(termOf(normalize(t.text), kb.index.synonyms));
  return between.length > 0 && between.every((t, i) => nominal(t) && !(i > 0 && (t.pos === 'DET' || t.pos === 'PRON')));
}

/**
 * Whether the last word asks to confirm ("Driscoll went to Kyiv, right?", "is it a 28-point plan
 * right") rather than being the predicate itself ("is Trump right": a verdict the report gives no one).
 */
export function confirmsAtEnd(kb: KnowledgeBase, toks: readonly Token[]): boolean {
  return CONFIRMING.test(toks.at(-1)?.normal ?? '') && !predicateAfterOnePhrase(kb, toks);
}
const COPULAS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', "isn't", "wasn't", 'aren', 'isnt']);
const NOUN_PHRASE: ReadonlySet<string> = new Set(['DET', 'PRON', 'PROPN', 'NOUN', 'ADJ', 'NUM', 'PART']);

const POLAR_TITLE = /^(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b/i;

/** Words people open with before the question proper. */
const OPENERS: ReadonlySet<string> = new Set([
  'so',
  'ok',
  'okay',
  'hey',
  'wait',
  'hmm',
  'and',
  'but',
  'bot',
  'yo',
  'also',
]);

const ADDRESSEE: ReadonlySet<string> = new Set(['you', 'u', 'ya']);

/** Numbers, days and months: premises a report can contradict with another of the same kind. */
export function kindOf(word: string, kb?: KnowledgeBase): 'number' | 'day' | 'month' | 'name' | undefined {
  if (/^\d+$/.test(word)) return 'number';
  if (DAYS.has(word)) return 'day';
  if (MONTHS.has(word)) return 'month';
  // A name in the language ("Russia"), or of a person the knowledge knows ("Witkoff").
  if (isName(word) || kb?.index.nameTerms.has(termOf(word, kb.index.synonyms))) return 'name';
  return undefined;
}

// Written out: asking Intl for them costs 15 ms of start-up (its English data loads on first use).
const DAYS: ReadonlySet<string> = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);
const MONTHS: ReadonlySet<string> = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);

/** Parts of speech that carry a premise: a filler of these is still something the question asserts. */
const PREMISE_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM']);

/**
 * Yes only when every premise of the question is in the evidence (the cited quotes, the answer,
 * and the entry's own question, whose presuppositions the curator accepted); No when a premise
 * meets a different number, day, month or name of the same kind; otherwise the report doesn't say.
 * The checks run in order, each on what `premisesOf` read once; the first with a verdict gives it.
 */
export function premiseCheck(
  kb: KnowledgeBase,
  reply: Answer,
  words: readonly ResolvedWord[],
  toks: readonly Token[],
): Polarity {
  const p = premisesOf(kb, reply, words, toks);
  if (p === 'unknown') return p;
  return (
    negatedPremise(p) ??
    opposedPremise(p) ??
    judgedPredicate(p) ??
    solitary(p) ??
    unreadWords(p) ??
    toldByAnother(p) ??
    doneByAnother(p) ??
    betweenOthers(p) ??
    contradictedPremise(p) ??
    nameElsewhere(p) ??
    (p.unsupported.length > 0 ? 'unknown' : undefined) ??
    evidenceElsewhen(p) ??
    lastChecks(p)
  );
}

/** What the checks share: the question's premises and the evidence they are checked against. */
interface Premises {
  kb: KnowledgeBase;
  reply: Answer;
  words: readonly ResolvedWord[];
  toks: readonly Token[];
  /** The evidence's words. */
  held: readonly QueryWord[];
  /** The evidence's terms, and the terms of telling not asked as something done. */
  terms: ReadonlySet<string>;
  /** Index of the verb after the names the question opens with (see doneAt). */
  done: number;
  /** The question's words asserting a premise (no question word, relative time or degree). */
  asked: readonly ResolvedWord[];
  timeWords: ReadonlySet<string>;
  /** Words of a degree or a partitive, checked together rather than one by one. */
  degreeWords: ReadonlySet<string>;
  /** The question asks about another relative time than the evidence gives. */
  otherTime: boolean;
  /** The evidence's terms, but those of names. */
  wordTerms: ReadonlySet<string>;
  /** The question's word as typed -> its lemma. */
  lemmas: ReadonlyMap<string, string>;
  /** Whether the evidence says a verb in the words WordNet defines it with, in one clause. */
  glossed: (form: string) => boolean;
  /** The voices the question asks to have told it, the verb of telling, and who tells it. */
  speakers: readonly ResolvedWord[];
  tellingIndex: number;
  tellerVerdict: Polarity;
  /** Asked words the evidence does not hold, by term, synonym or gloss. */
  unsupported: readonly ResolvedWord[];
  /** The evidence's words as written (normalised, not stemmed). */
  saidWords: ReadonlySet<string>;
}

/** The premises, or 'unknown' when the question asks of a time the evidence gives in no such words. */
function premisesOf(
  kb: KnowledgeBase,
  reply: Answer,
  words: readonly ResolvedWord[],
  toks: readonly Token[],
): Premises | 'unknown' {
  const held = evidenceOf(kb, reply);
  // Words about the telling ("is he described as…", "did Trump call it his easy one", "the
  // article") are premises about the report, which holds them; not a verb someone is asked to
  // have done to someone, with nothing said of them ("did Trump call Putin").
  const telling = tellingTerms(kb.index.synonyms);
  // The verb after the names the question opens with ("did Trump call…"), however it is tagged.
  const done = doneAt(kb, toks);
  const acted = new Set(
    toks
      .filter((t, i) => (t.pos === 'VERB' || i === done) && !passiveAt(toks, i) && onlyNamed(toks.slice(i + 1)))
      .map((t) => termOf(normalize(t.lemma), kb.index.synonyms)),
  );
  const terms = new Set([...held.map((w) => w.term), ...[...telling].filter((t) => !acted.has(t))]);
  // "Last month" where the evidence says "this week": another time of one kind, as another day
  // is. Its words are checked together here, not one by one below.
  const question = toks.map((t) => t.text).join(' ');
  const askedTimes = relativeTimes(question);
  const heldTimes = relativeTimes(evidenceTexts(reply).join(' '));
  // A time the evidence gives in no such words: it does not say ("did he arrive last month").
  if (askedTimes.length > 0 && heldTimes.length === 0) return 'unknown';
  const otherTime = askedTimes.length > 0 && !askedTimes.some((t) => heldTimes.includes(t));
  const timeWords = new Set(askedTimes.flatMap((t) => t.split(' ')));
  // And a degree on an adjective ("completely secret"), checked against the evidence's degree;
  // with the words of a partitive, below: words checked otherwise than one by one.
  const degreeWords = new Set(
    toks
      .filter(
        (t, i) =>
          t.pos === 'ADV' && toks[i + 1]?.pos === 'ADJ' && (HEIGHTENING.has(t.normal) || LESSENING.has(t.normal)),
      )
      .map((t) => normalize(t.text)),
  );
  // "Part of", "member of": membership in what follows, which the evidence holds by naming
  // them together ("joined by senior officials including … Weimer"), not a word of its own.
  for (const [i, t] of toks.entries()) {
    if (PARTITIVE.has(t.normal) && toks[i + 1]?.normal === 'of') degreeWords.add(normalize(t.text));
  }
  const asked = words.filter(
    (w) =>
      !QUESTION_WORDS.has(w.term) &&
      (!w.filler || PREMISE_POS.has(w.pos ?? '')) &&
      !timeWords.has(w.word) &&
      !degreeWords.has(w.word),
  );
  const lemmas = new Map(toks.map((t) => [normalize(t.text), t.lemma]));
  // Opposites and synonyms are words, not names that stem alike ("Denys" is no "deny").
  const names = nameWordsOf(kb);
  const wordTerms = new Set(held.filter((h) => !names.has(h.word)).map((h) => h.term));
  // A verb the evidence says in another word of its WordNet synset ("confirmed" of "acknowledged").
  // Or in the words WordNet defines it with, together in one clause ("thank": "expressed gratitude").
  const clauses = perEntry(clauseCache, kb, reply, () =>
    evidenceTexts(reply)
      .flatMap(clausesOf)
      .map((c) => termSet(c, kb.index.synonyms)),
  );
  // Only in a curated entry's evidence: a whole line of the report names too many people for
  // its words alone to say who did it ("…Shmyhal…, expressing gratitude…, Zelensky…").
  const curated = !reply.entry?.startsWith('line:');
  const glossed = (form: string) =>
    curated &&
    verbGlossesOf(form).some((gloss) => {
      const said = contentWords(gloss, kb.index.synonyms).map((w) => w.term);
      return said.length >= 2 && clauses.some((c) => said.every((t) => c.has(t)));
    });
  // A verb, or the word in the verb's place after the names the question opens with, however
  // it is tagged ("did Witkoff head the talks": "head" as "lead").
  const doneWord = done > 1 ? normalize(toks[done]!.text) : undefined;
  const synonymous = (w: ResolvedWord) =>
    (w.pos === 'VERB' || normalize(w.typed) === doneWord) &&
    [w.word, lemmas.get(normalize(w.typed)) ?? w.word].some(
      (form) =>
        [...verbSynonymsOf(form)].some((o) => wordTerms.has(termOf(normalize(o), kb.index.synonyms))) || glossed(form),
    );
  // The verb of telling of someone asked to have told it ("Axios said…", "did Trump speak at…")
  // is checked with them, below: any verb of telling the evidence has them tell with will do.
  const speakers = speakersOf(kb, toks, asked);
  const tellingIndex = speakers.length ? tellingAt(toks) : -1;
  const tellingWord = tellingIndex < 0 ? undefined : normalize(toks[tellingIndex]!.text);
  // A speaker the evidence names only in a source's attribution ("did ANI say…") is checked by who tells it, below.
  const tellerVerdict = saidByThem(kb, reply, toks, asked, speakers, tellingIndex);
  // A verb held only as a name that stems alike is not held ("deny" is no "Denys").
  const stemsLikeName = (w: ResolvedWord) => w.pos === 'VERB' && !names.has(w.word) && kb.index.nameTerms.has(w.term);
  // A word of someone's name where the evidence names them by another ("Dan" of "Driscoll met…").
  const namedOtherwise = (w: ResolvedWord) =>
    !stemsLikeName(w) &&
    kb.index.nameTerms.has(w.term) &&
    asked.some((o) => o !== w && terms.has(o.term) && samePerson(kb, o.term, w.term));
  const inEvidence = (w: ResolvedWord) => terms.has(w.term) && !(stemsLikeName(w) && !wordTerms.has(w.term));
  const unsupported = asked.filter(
    (w) =>
      !inEvidence(w) &&
      !namedOtherwise(w) &&
      !synonymous(w) &&
      normalize(w.typed) !== tellingWord &&
      w.word !== foldVariant(tellingWord ?? '') &&
      !(tellerVerdict === 'yes' && speakers.includes(w)),
  );
  return {
    kb,
    reply,
    words,
    toks,
    held,
    terms,
    done,
    asked,
    timeWords,
    degreeWords,
    otherTime,
    wordTerms,
    lemmas,
    glossed,
    speakers,
    tellingIndex,
    tellerVerdict,
    unsupported,
    saidWords: new Set(evidenceTexts(reply).flatMap((text) => normalize(text).split(' '))),
  };
}

/**
 * The report says the premise is not so ("were there new developments?" of "no new developments").
 * (Unless the question asks about the denial itself: "did Peskov downplay the reports".)
 * Nor about telling of it at all ("did Peskov speak about progress": he downplayed it).
 */
function negatedPremise({ kb, reply, toks, asked }: Premises): Polarity | undefined {
  const tellsAbout = toks.some(
    (t, i) => TELLING.has(t.lemma) && /^(?:about|on|of|regarding)$/.test(toks[i + 1]?.normal ?? ''),
  );
  if (tellsAbout || toks.some((t) => t.negated || DENYING.has(t.lemma) || ABSENCE.has(t.lemma))) return undefined;
  // A denial typed with a typo ("downplayd") is one too, as corrected.
  const denial = new Set([...DENYING, ...ABSENCE].map((d) => termOf(d, kb.index.synonyms)));
  if (asked.some((w) => denial.has(w.term))) return undefined;
  const { negated, affirmed } = negationsOf(kb, reply);
  return asked.some((w) => negated.has(w.term) && !affirmed.has(w.term)) ? 'no' : undefined;
}

/** The report says the opposite ("did the attempts succeed?" of attempts that collapsed). */
function opposedPremise({ kb, asked, terms, lemmas, wordTerms }: Premises): Polarity | undefined {
  // Two ways of moving are no opposites where the asker stands elsewhere than the teller: who
  // comes to the U.S. goes there ("did Dmitriev come to the US" of "visited the U.S.").
  const opposed = (w: ResolvedWord) =>
    [w.word, lemmas.get(normalize(w.typed)) ?? w.word].some((form) =>
      [...antonymsOf(form)].some(
        (o) => !(MOTION.has(form) && MOTION.has(o)) && wordTerms.has(termOf(normalize(o), kb.index.synonyms)),
      ),
    );
  return asked.some((w) => !terms.has(w.term) && opposed(w)) ? 'no' : undefined;
}

/**
 * "Is Trump right", "was the report correct": the predicate is a verdict on someone or something,
 * which the evidence gives only in that use of the word, an adjective ("right now" is no verdict
 * that Trump is right).
 */
function judgedPredicate({ kb, toks, reply }: Premises): Polarity | undefined {
  const last = toks.at(-1);
  if (!last || !(last.pos === 'ADJ' || CONFIRMING.test(last.normal)) || !predicateAfterOnePhrase(kb, toks)) {
    return undefined;
  }
  const adjectives = perEntry(adjectiveCache, kb, reply, () =>
    evidenceTexts(reply)
      .flatMap((text) => tokens(text))
      .filter((t) => t.pos === 'ADJ')
      .map((t) => t.normal),
  );
  return adjectives.includes(last.normal) ? undefined : 'unknown';
}
const adjectiveCache = new WeakMap<Entry, readonly string[]>();

/**
 * "Alone", "by himself": that no one went with them, which the evidence denies by naming whom
 * they went with ("with a senior Pentagon delegation") and says in no other words.
 */
function solitary({ toks, reply }: Premises): Polarity | undefined {
  if (!SOLITARY.test(toks.map((t) => t.text).join(' '))) return undefined;
  return ACCOMPANIED.test(evidenceTexts(reply).join(' ')) ? 'no' : 'unknown';
}

/**
 * Words the search leaves out as too general ("right", "guy") still carry a premise here,
 * unless a verb the evidence says as it is ("going to be his easy one").
 */
function unreadWords(p: Premises): Polarity | undefined {
  const { kb, toks, terms, tellingIndex, timeWords, degreeWords, glossed, saidWords: said } = p;
  const resolved = new Set(p.words.flatMap((w) => [w.word, normalize(w.typed)]));
  const particle = predicateParticle(toks);
  const confirmsTag = confirmsAtEnd(kb, toks);
  const unread = toks.filter(
    (t, i) =>
      i !== tellingIndex &&
      !(tellingIndex >= 0 && toks[tellingIndex]!.normal === 'according' && i === tellingIndex + 1) &&
      !timeWords.has(normalize(t.text)) &&
      !degreeWords.has(normalize(t.text)) &&
      // A function word by the tagger's generous list may still assert something ("travel alone"),
      // unless the evidence says it in another word of its WordNet synset ("mostly": largely).
      // A number word ("three generals") or an adjective is a premise, and so is a particle left at the end with
      // nothing after it: the predicate itself ("is the war over"). "One" is rarely a count ("one of").
      (!t.stop ||
        // The tagger's list has content adjectives too ("serious", "full"): "is Putin serious".
        ((t.pos === 'NUM' || t.pos === 'ADJ') && !isFiller(t.normal)) ||
        i === particle ||
        (t.pos === 'ADV' &&
          !isFiller(t.normal) &&
          ![...adverbSynonymsOf(t.normal)].some((o) => terms.has(termOf(normalize(o), kb.index.synonyms))))) &&
      (PREMISE_POS.has(t.pos) || i === particle) &&
      !resolved.has(normalize(t.normal)) &&
      !(t.pos === 'VERB' && said.has(normalize(t.text))) &&
      !(i === toks.length - 1 && confirmsTag) &&
      !terms.has(termOf(normalize(t.lemma), kb.index.synonyms)) &&
      !terms.has(termOf(normalize(t.normal), kb.index.synonyms)) &&
      // As typed, too: the tagger's normal form may respell it ("vice" as "vise").
      !terms.has(termOf(normalize(t.text), kb.index.synonyms)) &&
      !(t.pos === 'VERB' && glossed(t.lemma)),
  );
  return unread.length ? 'unknown' : undefined;
}

/**
 * Asked whether someone the evidence does not name told it ("did Axios say Trump ordered the
 * visit"): No, when someone else is who tells it all.
 */
function toldByAnother({ unsupported, speakers, tellerVerdict }: Premises): Polarity | undefined {
  const onlySpeakers = unsupported.length > 0 && unsupported.every((w) => speakers.includes(w));
  return onlySpeakers && tellerVerdict === 'no' ? 'no' : undefined;
}

/**
 * Someone else the evidence has doing what the question has someone do ("did Zelensky brief
 * Driscoll" of "Driscoll met Zelensky … to brief them", "did the Army order the visit" of
 * "President Trump ordered the visit"), unless doing it takes two ("meet"). The doing may be
 * in the words WordNet defines it with ("did Driscoll thank Shmyhal": Shmyhal "expressed gratitude").
 * (Who told something is checked by who tells it when the question names a speaker: many may
 * tell one thing.)
 */
function doneByAnother({ kb, reply, toks, done, asked, glossed, speakers }: Premises): Polarity | undefined {
  const opening = done > 1 ? toks.slice(1, done).map((t) => normalize(t.text)) : [];
  const voices = voiceTermsOf(kb);
  const isDoer = (word: string, term: string) =>
    kindOf(word, kb) === 'name' || voices.has(term) || unknownName(kb, word);
  // Or the name itself, where the question's words leave it out ("did the us…": a pronoun's spelling).
  const doer =
    asked.find((w) => opening.includes(normalize(w.typed)) && isDoer(w.word, w.term)) ??
    opening
      .map((word) => ({ word, term: termOf(foldVariant(word), kb.index.synonyms) }))
      .find((w) => isDoer(w.word, w.term) || (w.word === 'us' && toks[1]?.pos === 'DET'));
  // Or a passive's agent: "are the talks led by JD Vance".
  const passive = doer ? undefined : passiveAgent(kb, toks, asked);
  const actor = doer ?? passive?.agent;
  const lemma = doer ? (done > 1 ? toks[done]!.lemma : '') : (passive?.lemma ?? '');
  if (!actor || RECIPROCAL.has(lemma) || (TELLING.has(lemma) && speakers.length > 0)) return undefined;
  const doings = [lemma, ...(glossed(lemma) ? verbGlossesOf(lemma).map((g) => g.split(' ')[0]!) : [])];
  const agents = agentsOf(kb, reply);
  const doneByOthers = doings.some((doing) => {
    const others = agents.get(doing) ?? [];
    return others.length > 0 && others.every((h) => !samePerson(kb, h.term, actor.term));
  });
  return doneByOthers ? 'no' : undefined;
}

/**
 * "Between Shmyhal and Driscoll" where the evidence has the agreements "between Zelensky and
 * Trump": another pair, whatever else of the question the evidence holds.
 */
function betweenOthers({ kb, reply, toks }: Premises): Polarity | undefined {
  const asked = pairBetween(
    kb,
    toks.map((t) => normalize(t.text)),
  );
  if (!asked) return undefined;
  const held = evidenceTexts(reply)
    .map((text) => pairBetween(kb, normalize(text).split(' ')))
    .filter((pair) => pair !== undefined);
  if (held.length === 0) return undefined;
  return held.some((pair) => asked.every((a) => pair.some((h) => samePerson(kb, a, h)))) ? undefined : 'no';
}

/** The terms of the two names "between" joins ("between President Zelensky and Trump"), if it joins two. */
function pairBetween(kb: KnowledgeBase, words: readonly string[]): [string, string] | undefined {
  const at = words.indexOf('between');
  const and = words.indexOf('and', at);
  if (at < 0 || and < at + 2) return undefined;
  const name = (word: string | undefined) => (word && kindOf(word, kb) === 'name' ? word : undefined);
  const first = name(words[and - 1]);
  const second = words
    .slice(and + 1, and + 4)
    .map(name)
    .find(Boolean);
  if (!first || !second) return undefined;
  const term = (word: string) => termOf(foldVariant(word), kb.index.synonyms);
  return [term(first), term(second)];
}

/** "…led by JD Vance": the name after a passive verb's "by", and the verb's lemma. */
function passiveAgent(
  kb: KnowledgeBase,
  toks: readonly Token[],
  asked: readonly ResolvedWord[],
): { agent: QueryWord; lemma: string } | undefined {
  const at = toks.findIndex((t, i) => t.pos === 'VERB' && toks[i + 1]?.normal === 'by' && passiveAt(toks, i));
  if (at < 0) return undefined;
  const after = new Set(toks.slice(at + 2).map((t) => normalize(t.text)));
  // The last word of the name: the one the report goes by ("Vance" of "JD Vance").
  const agent = asked.filter((w) => after.has(normalize(w.typed)) && kindOf(w.word, kb) === 'name').at(-1);
  return agent ? { agent, lemma: toks[at]!.lemma } : undefined;
}

/**
 * A word neither the knowledge nor the language uses ("Hegseth", "Biden"): where a name goes (the
 * doer, a rival to a person), the name of someone the report does not mention.
 */
function unknownName(kb: KnowledgeBase, word: string): boolean {
  return /^[a-z]{3,}$/.test(word) && wordCount(word) === 0 && !kb.index.vocabulary.has(word);
}

/** Two terms of one name, or of two names of one person ("Donald" and "Trump"). */
function samePerson(kb: KnowledgeBase, a: string, b: string): boolean {
  if (a === b) return true;
  const of = kb.index.nameTerms.get(b);
  return !!of && (kb.index.nameTerms.get(a) ?? []).some((p) => of.includes(p));
}

/**
 * Whether the evidence has another number, day, month or name of the asked word's kind. A person
 * is contradicted by another person, a place or an organisation by another of those; a name only
 * by another in the same place in the sentence: "go to Russia" by "arrived in Ukraine", "a US
 * source" by "a Russian source"; not by a name the evidence uses for something else ("diplomacy
 * with Moscow" says nothing of where Witkoff went).
 */
function contradicts({ kb, reply, toks, held }: Premises, w: ResolvedWord): boolean {
  const kind = kindOf(w.word, kb);
  if (!kind) return false;
  if (kind !== 'name') return held.some((h) => h.term !== w.term && kindOf(h.word, kb) === kind);
  const slots = nameSlots(kb, reply);
  // The slots hold names only: of another person, or of another place or party.
  // Not where a sentence may hold several at once ("an ally of Vance" says nothing against
  // being an ally of Trump, "met with Shmyhal" nothing against meeting with Zelensky).
  const asked = [...slotsOf(toks, w.word, true)].filter((slot) => !SHARED_SLOTS.has(slot));
  return asked.some((slot) => (slots.get(slot) ?? []).some((h) => h.term !== w.term && rivals(kb, w, h)));
}

/**
 * Two names of one kind that cannot both be: two people, or places apart (see rivalPlaces). A
 * name the knowledge never uses and no known place ("Biden") is taken for a person.
 */
function rivals(kb: KnowledgeBase, w: QueryWord, h: QueryWord): boolean {
  const person = (q: QueryWord) =>
    kb.index.nameTerms.has(q.term) ||
    (!kb.index.vocabulary.has(q.word) && (isName(q.word) || unknownName(kb, q.word)) && !isPlace(q.word));
  return person(h) === person(w) && (person(w) || rivalPlaces(w.word, h.word));
}

/**
 * Another number, day, month or name where the report gives one: No, when that is the only
 * premise the evidence lacks and at most one name is wrong ("has Zelensky met Witkoff" of a
 * meeting between Trump and Putin says nothing about Zelensky and Witkoff).
 */
function contradictedPremise(p: Premises): Polarity | undefined {
  const contradicted = p.unsupported.filter((w) => contradicts(p, w));
  const wrongNames = contradicted.filter((w) => kindOf(w.word, p.kb) === 'name').length;
  return contradicted.length && contradicted.length === p.unsupported.length && wrongNames <= 1 ? 'no' : undefined;
}

/**
 * A name the evidence holds only through a synonym ("Moscow" for its "Kremlin"), or only as it
 * qualifies a noun ("a Russian source"), and that meets another name where the question puts it
 * ("met in Moscow" of "a meeting in Anchorage", "visit Russia" of "visited the U.S."): No.
 */
function nameElsewhere(p: Premises): Polarity | undefined {
  const { kb, reply, toks, held, asked } = p;
  if (p.unsupported.length > 0) return undefined;
  const person = (term: string) => kb.index.nameTerms.has(term);
  const slots = nameSlots(kb, reply);
  const words = new Set(held.map((h) => h.word));
  const placedHeld = [...slots].filter(([slot]) => !slot.startsWith('before ')).flatMap(([, hs]) => hs);
  const placed = new Set(placedHeld.map((h) => h.word));
  // A person's name misspelt into another word of the same stem ("driscol") is still theirs.
  const sameName = (w: QueryWord, hs: readonly QueryWord[]) => person(w.term) && hs.some((h) => h.term === w.term);
  const inEvidence = (w: QueryWord) => words.has(w.word) || sameName(w, held);
  const elsewhere = asked.filter(
    (w) =>
      kindOf(w.word, kb) === 'name' &&
      (!inEvidence(w) || !(placed.has(w.word) || sameName(w, placedHeld))) &&
      contradicts(p, w),
  );
  // A name qualifying a noun the evidence qualifies with another ("a US source" of "a Russian
  // source"), wherever else the evidence uses it; lower case "us" before a noun is the country.
  const qualifies = (w: QueryWord) =>
    [...slotsOf(toks, w.word, true)].some((slot) => {
      const there = slot.startsWith('before ') ? (slots.get(slot) ?? []) : [];
      return there.length > 0 && there.every((h) => h.term !== w.term && !person(h.term) && !person(w.term));
    });
  const country = toks.some((t, i) => t.normal === 'us' && toks[i + 1]?.pos === 'NOUN');
  const qualifiers: QueryWord[] = [
    ...asked.filter((w) => kindOf(w.word, kb) === 'name'),
    ...(country ? [{ word: 'us', term: termOf('us', kb.index.synonyms) }] : []),
  ];
  const misqualified = qualifiers.filter(qualifies);
  if (elsewhere.length === 1 || (elsewhere.length === 0 && misqualified.length === 1)) return 'no';
  // A place the evidence has only through a synonym, where the question puts it: "visit
  // Washington" of "visited the U.S.", "from Moscow" of "with Russia" (the curator's synonym is
  // the government, not the city).
  const placeSlot = (slot: string) => slot === 'at place' || slot === 'after from' || slot.startsWith('object of ');
  const bySynonym = asked.filter(
    (w) => kindOf(w.word, kb) === 'name' && !inEvidence(w) && [...slotsOf(toks, w.word, true)].some(placeSlot),
  );
  // A place the question puts someone in ("go to Moscow") that the evidence names only as
  // something else ("diplomacy with Moscow"): it does not say they were there.
  const placedIn = (word: string) =>
    [...slots].some(([slot, hs]) => placeSlot(slot) && hs.some((h) => h.word === word));
  const unplaced = asked.filter(
    (w) => kindOf(w.word, kb) === 'name' && inEvidence(w) && wentTo(toks, w.word) && !placedIn(w.word),
  );
  return bySynonym.length > 0 || unplaced.length > 0 ? 'unknown' : undefined;
}

/**
 * Whether the evidence lists what "only" restricts (the word after it, or before it at the end)
 * with something else: beside an "and", an "or" or a comma.
 */
function listedWithOthers(kb: KnowledgeBase, reply: Answer, toks: readonly Token[]): boolean {
  const at = toks.findIndex((t) => EXCLUSIVE.has(t.normal));
  const content = (t: Token | undefined) => !!t && !t.stop && (t.pos === 'NOUN' || t.pos === 'PROPN');
  const next = toks.slice(at + 1).find(content);
  const restricted = next ?? toks.slice(0, at).findLast(content);
  if (!restricted) return false;
  const term = termOf(normalize(restricted.text), kb.index.synonyms);
  // By the words as written, commas kept (the tagger's tokens leave punctuation out).
  return evidenceTexts(reply).some((text) => {
    const ws = text.split(/\s+/);
    const joins = (w: string | undefined) => !!w && (/^(?:and|or)$/i.test(w) || w.endsWith(','));
    return ws.some(
      (w, i) =>
        termOf(normalize(w), kb.index.synonyms) === term && (w.endsWith(',') || joins(ws[i + 1]) || joins(ws[i - 1])),
    );
  });
}

/** Words saying that nothing else is so. */
const EXCLUSIVE: ReadonlySet<string> = new Set(['only', 'solely', 'exclusively', 'merely']);
const SOLITARY = /\b(?:alone|solo|by\s+(?:him|her|them|it)sel(?:f|ves)|on\s+(?:his|her|their|its)\s+own)\b/i;
const ACCOMPANIED =
  /\b(?:joined|accompanied)\s+by\b|\balong\s+with\b|\bwith\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,3}(?:delegation|team|group|officials|entourage|aides|party)\b/i;

/** "Go to Moscow", "travel to the U.S.", "fly into Kyiv": the question puts someone in that place. */
function wentTo(toks: readonly Token[], word: string): boolean {
  let at = toks.findIndex((t) => normalize(t.text) === word) - 1;
  while (at >= 0 && toks[at]!.pos === 'DET') at--;
  if (at < 1 || !/^(?:to|into)$/.test(toks[at]!.normal)) return false;
  return MOTION.has(toks[at - 1]!.lemma);
}
/** Verbs of going somewhere. */
const MOTION: ReadonlySet<string> = new Set(['go', 'travel', 'fly', 'come', 'head', 'return', 'move', 'journey']);

/**
 * Evidence placed in another time than the question asks about ("previous attempts collapsed"
 * for "did the talks collapse") is about something else: not a Yes, whatever words it shares.
 * A question that asks about another time itself ("in the past", "ever", "before") may have it.
 */
function evidenceElsewhen({ toks, held, asked }: Premises): Polarity | undefined {
  if (toks.some((t) => OTHER_TIME.has(t.normal) || ASKS_BEFORE.has(t.normal))) return undefined;
  const askedTerms = new Set(asked.map((w) => w.term));
  const elsewhen = held.some((h, i) => OTHER_TIME.has(h.word) && askedTerms.has(held[i + 1]?.term ?? ''));
  return elsewhen ? 'unknown' : undefined;
}

/** Every premise is held: its degree, its words together, its teller, outside quotes, having happened. */
function lastChecks({ kb, reply, toks, asked, tellerVerdict, otherTime, saidWords }: Premises): Polarity {
  // "Only", "solely": that nothing else is so, which the evidence says only in such a word itself
  // ("about security guarantees for Ukraine only" of a framework "for Ukraine and Europe").
  if (toks.some((t) => EXCLUSIVE.has(t.normal)) && ![...EXCLUSIVE].some((x) => saidWords.has(x))) {
    // No, where the evidence lists the one asked with others ("for Ukraine and Europe").
    return listedWithOthers(kb, reply, toks) ? 'no' : 'unknown';
  }
  const degree = degreeOf(kb, reply, toks);
  if (degree !== 'yes') return degree;
  if (!together(kb, reply, toks, asked)) return 'unknown';
  if (tellerVerdict !== 'yes') return tellerVerdict;
  if (!spokenOfOutsideQuotes(kb, reply, toks, asked)) return 'unknown';
  if (!happened(kb, reply, toks)) return 'unknown';
  return otherTime ? 'no' : 'yes';
}

/**
 * The words of the relative times a question names that none of `texts` does ("last", "month"):
 * premises to check, not to search by.
 */
export function relativeTimeWords(text: string, texts: readonly string[]): ReadonlySet<string> {
  const used = new Set(texts.flatMap(relativeTimes));
  return new Set(
    relativeTimes(text)
      .filter((t) => !used.has(t))
      .flatMap((t) => t.split(' ')),
  );
}

/** Times told relative to the report's own ("this week", "last month", "yesterday"), in lower case. */
function relativeTimes(text: string): string[] {
  return [...text.toLowerCase().matchAll(RELATIVE_TIME)].map((m) => m[0].replace(/\s+/g, ' '));
}
const RELATIVE_TIME =
  /\b(?:(?:this|last|next|past|previous|coming)\s+(?:week|month|year|weekend|spring|summer|autumn|fall|winter)|today|yesterday|tomorrow|tonight)\b/g;

/** The words of people's names and aliases, as normalized. Built once per index. */
function nameWordsOf(kb: KnowledgeBase): ReadonlySet<string> {
  let words = nameWordCache.get(kb.index);
  if (!words) {
    const texts = kb.index.people.flatMap((p) => [p.name, ...p.aliases]);
    words = new Set(texts.flatMap((t) => normalize(t).split(' ')).filter(Boolean));
    nameWordCache.set(kb.index, words);
  }
  return words;
}
const nameWordCache = new WeakMap<object, ReadonlySet<string>>();

/**
 * An adverb of degree the question puts on a word ("very disappointed") must be the one the
 * evidence puts on it, or another of its WordNet synset ("mostly": "largely"): "a little
 * disappointed" is no Yes to "very disappointed". A word the evidence says without one is not
 * said to any degree.
 */
function degreeOf(kb: KnowledgeBase, reply: Answer, toks: readonly Token[]): Polarity {
  const degrees = perEntry(degreeCache, kb, reply, () => {
    const out = new Map<string, Set<string>>();
    for (const text of evidenceTexts(reply)) {
      const ts = tokens(text);
      ts.forEach((t, i) => {
        if (t.pos !== 'ADJ') return;
        const before = ts[i - 1];
        // By its synonym group: "frustrated" is "disappointed" where the knowledge's synonyms say so.
        const key = degreeKey(kb, t.lemma);
        const set = out.get(key) ?? new Set<string>();
        set.add(before?.pos === 'ADV' ? degreeAt(ts, i - 1) : '');
        out.set(key, set);
      });
    }
    return out;
  });
  let verdict: Polarity = 'yes';
  toks.forEach((t, i) => {
    const next = toks[i + 1];
    if (t.pos !== 'ADV' || next?.pos !== 'ADJ') return;
    const said = degrees.get(degreeKey(kb, next.lemma));
    const degree = degreeAt(toks, i);
    // "The most significant" (or "important", in the curator's words) of what the evidence calls
    // "one of the most significant": No.
    const superlatives = [...degrees.values()].flatMap((ds) => [...ds]).filter((d) => d.endsWith('most'));
    if (degree === 'most' && superlatives.length > 0 && superlatives.every((d) => d === ONE_OF_THE_MOST)) {
      if (verdict !== 'unknown') verdict = 'no';
      return;
    }
    if (!said || said.has(degree) || [...adverbSynonymsOf(t.normal)].some((o) => said.has(o))) return;
    // "Completely" or "very" of what the evidence says is only "largely" or "a little": No.
    const below = [...said].every((d) => LESSENING.has(d));
    verdict = below && HEIGHTENING.has(t.normal) && verdict !== 'unknown' ? 'no' : 'unknown';
  });
  return verdict;
}
/** The degree an adverb puts on the adjective after it: the adverb, or "one of the most" for "most" in that phrase. */
function degreeAt(toks: readonly Token[], at: number): string {
  const word = toks[at]!.normal;
  const before = toks
    .slice(Math.max(0, at - 3), at)
    .map((t) => t.normal)
    .join(' ');
  return word === 'most' && before === 'one of the' ? ONE_OF_THE_MOST : word;
}
/** One among the most: not the most. */
const ONE_OF_THE_MOST = 'one of the most';

/** An adjective as its synonym group, or as itself ("secretive" is not "secret"). */
function degreeKey(kb: KnowledgeBase, lemma: string): string {
  return kb.index.synonyms.get(termOf(normalize(lemma))) ?? lemma;
}

/** Adverbs that raise an adjective to its full or a high degree (English's maximizers and boosters). */
const HEIGHTENING: ReadonlySet<string> = new Set([
  'completely',
  'totally',
  'fully',
  'entirely',
  'wholly',
  'absolutely',
  'utterly',
  'very',
  'extremely',
  'really',
  'hugely',
  'deeply',
  'super',
]);
/** Adverbs that hold it below that (approximators, compromisers, diminishers). */
const LESSENING: ReadonlySet<string> = new Set([
  'largely',
  'mostly',
  'partly',
  'partially',
  'somewhat',
  'slightly',
  'little',
  'fairly',
  'rather',
  'moderately',
  'mainly',
]);
const degreeCache = new WeakMap<Entry, Map<string, Set<string>>>();
const clauseCache = new WeakMap<Entry, Set<string>[]>();

/** What a reply asserts: its answer and the quotes it cites. */
export function evidenceTexts(reply: Answer): string[] {
  return [reply.answer ?? '', ...reply.sources.map((s) => s.quote)];
}

/**
 * `compute` of a reply's evidence, kept per entry while the reply is the entry's own answer (a
 * verdict or a notice put before it makes another text, computed afresh).
 */
function perEntry<T>(cache: WeakMap<Entry, T>, kb: KnowledgeBase, reply: Answer, compute: () => T): T {
  const entry = reply.entry ? kb.index.byId.get(reply.entry) : undefined;
  if (!entry || reply.answer !== entry.answer) {
    // A sentence of the report (lineSays), or an answer rewritten: by its texts, which are the
    // knowledge's own, so the cache stays as small as the report (and is cleared past a bound).
    let byText = textCaches.get(cache) as Map<string, T> | undefined;
    if (!byText) textCaches.set(cache, (byText = new Map()));
    const key = evidenceTexts(reply).join('\u0000');
    let value = byText.get(key);
    if (value === undefined) {
      if (byText.size >= MAX_TEXT_CACHE) byText.clear();
      byText.set(key, (value = compute()));
    }
    return value;
  }
  let value = cache.get(entry);
  if (value === undefined) cache.set(entry, (value = compute()));
  return value;
}
const textCaches = new WeakMap<object, Map<string, unknown>>();
/** Evidence texts remembered per cache, at most: a report's sentences are a few dozen. */
const MAX_TEXT_CACHE = 2000;

/** The clauses of a text: its sentences, split where commas, colons, brackets and dashes part them. */
function clausesOf(text: string): string[] {
  return sentences(text).flatMap((sentence) => sentence.split(CLAUSE_BREAK));
}

/** A possessive "'s" ("Driscoll's visit", "Washington’s diplomacy"). */
const isPossessive = (t: Token | undefined) => t?.pos === 'PART' && /^['’]s$/.test(t.normal);

/**
 * Two people the question puts in one event ("did Trump meet Zelensky") must be in one sentence
 * of the evidence with its verb: an entry that names them apart ("Zelensky met Driscoll… agreements
 * reached between Zelensky and Trump") does not say they met. A possessor ("Driscoll's visit") is
 * not one of the two.
 */
function together(kb: KnowledgeBase, reply: Answer, toks: readonly Token[], asked: readonly ResolvedWord[]): boolean {
  const person = (w: ResolvedWord) => kb.index.nameTerms.has(w.term) && kindOf(w.word, kb) === 'name';
  // "Driscoll's visit", or typed without the apostrophe, "driscolls visit".
  const possessor = (w: ResolvedWord) => {
    const at = toks.findIndex((t) => normalize(t.text) === normalize(w.typed));
    const next = toks[at + 1];
    if (at < 0 || !next) return false;
    return isPossessive(next) || (/s$/i.test(w.typed) && next.pos === 'NOUN');
  };
  // A place the question puts someone in goes with them too ("did Driscoll go to Europe" is not
  // answered by Donahue, "the top U.S. Army commander in Europe", who joined Driscoll).
  const placed = (w: ResolvedWord) => kindOf(w.word, kb) === 'name' && slotsOf(toks, w.word, true).has('at place');
  // One person however many words of their name are typed ("Michael Weimer"): by the last, the
  // name they go by; a word of a name right before another of the same person's is the same name.
  const nameAt = (w: ResolvedWord) => toks.findIndex((t) => normalize(t.text) === normalize(w.typed));
  const sameName = (w: ResolvedWord) => {
    const at = nameAt(w);
    return at >= 0 && asked.some((o) => o !== w && person(o) && nameAt(o) === at + 1 && samePerson(kb, o.term, w.term));
  };
  const people = [
    ...new Set(asked.filter((w) => (person(w) || placed(w)) && !possessor(w) && !sameName(w)).map((w) => w.term)),
  ];
  if (people.length < 2 || !asked.some((w) => person(w) && !possessor(w))) return true;
  const acting = toks.some((t) => t.pos === 'VERB' && !t.stop);
  // The entry's own question and phrasings count as one sentence each: the curator wrote them for it.
  const entry = reply.entry ? kb.index.byId.get(reply.entry) : undefined;
  const phrased = [entry?.title ?? '', ...(entry?.phrasings ?? [])];
  const texts = evidenceTexts(reply);
  const termsOf = (text: string) => termSet(text, kb.index.synonyms);
  // Whom the entry is about (its title names them: "Who ordered Driscoll's visit?") is in every
  // sentence of it, as "the visit" or "he".
  const topic = termsOf(entry?.title ?? '');
  // What else the question asks of them ("meet"), where the evidence says it: one at least goes with them.
  const said = termsOf(texts.join(' '));
  const others = asked.filter((w) => !people.includes(w.term) && said.has(w.term)).map((w) => w.term);
  const holds = (text: string) => {
    const terms = termsOf(text);
    const has = (t: string) => terms.has(t) || topic.has(t);
    return people.every(has) && (others.length === 0 || others.some((t) => terms.has(t)));
  };
  // Asked what they did, in one clause with it: a sentence can name them apart between its commas
  // ("confirmed his meeting with Driscoll, …, agreements reached between Zelensky and Trump").
  return phrased.some(holds) || texts.some((text) => (acting ? clausesOf(text) : sentences(text)).some(holds));
}
/**
 * "Did Trump say there were no new developments", "did CNN report the 28-point plan": the one
 * named before a verb of telling must be who the evidence has telling it — a source attributed to
 * them, or a clause where they come before that verb — not someone it merely mentions.
 */
function saidByThem(
  kb: KnowledgeBase,
  reply: Answer,
  toks: readonly Token[],
  asked: readonly ResolvedWord[],
  speakers: readonly ResolvedWord[],
  at: number,
): 'yes' | 'no' | 'unknown' {
  if (at < 0 || speakers.length === 0) return 'yes';
  const verb = termOf(normalize(toks[at]!.lemma), kb.index.synonyms);
  const termsOf = (text: string) => contentWords(text, kb.index.synonyms).map((w) => w.term);
  // Whom an attribution names, not the people qualifying it ("a Russian source" is not Russia's).
  const voiceOf = (attribution: string) =>
    attribution
      .split(/\s+/)
      .filter((word) => !isDemonym(word.replace(/[^\p{L}]/gu, '')))
      .flatMap(termsOf);
  // What they are asked to have told ("the 28-point plan"), where the evidence has it: it must be
  // in what is attributed to them or in their clause, not beside another source's ("It relays
  // CNN's reporting on the secret effort, and Axios's reporting on the 28-point draft framework").
  const speakerTerms = new Set(speakers.map((w) => w.term));
  const quoted = reply.sources.map((s) => new Set(termsOf(s.quote)));
  const held = new Set(evidenceTexts(reply).flatMap(termsOf));
  // "Describe the trip as a fact-finding mission": what they told is what follows "as"; the trip
  // is what they told it of.
  const as = toks.findIndex((t, i) => i > at && t.normal === 'as');
  const describedAs = as > at ? new Set(toks.slice(as + 1).map((t) => normalize(t.text))) : undefined;
  const told = asked
    .filter((w) => !describedAs || describedAs.has(normalize(w.typed)))
    .map((w) => w.term)
    .filter((t) => !speakerTerms.has(t) && t !== verb && held.has(t));
  // Each sentence of the evidence as its clauses, with their terms and who tells in them: read
  // once, whoever is asked about (every voice of the report may be, below).
  const sentenceClauses = perEntry(tellerClauseCache, kb, reply, () =>
    evidenceTexts(reply).flatMap((text) =>
      sentences(text).map((sentence) =>
        sentence.split(CLAUSE_BREAK).map((part) => ({ terms: termsOf(part), subject: subjectTerms(kb, part) })),
      ),
    ),
  );
  const speaks = (term: string) =>
    reply.sources.some((s, i) => voiceOf(s.attribution).includes(term) && told.every((t) => quoted[i]!.has(t))) ||
    sentenceClauses.some((clauses) => tellsIn(clauses, term));
  // In one sentence, a clause where they are the subject of the verb ("…, CNN reported, …"; not
  // "Dmitriev visited for what a Russian source described as…"); what they told is in that
  // clause, or elsewhere in the sentence when no one else tells anything in it.
  const tellsIn = (clauses: readonly TellerClause[], term: string) => {
    // What they tell is in the clauses around theirs, as far as the clause of the next voice
    // either way ("…, CNN reported, marking…"; not "officials perceive new openness, according
    // to a source…, but Peskov said…").
    const other = (i: number) => clauses[i]!.subject.length > 0 && !clauses[i]!.subject.includes(term);
    return clauses.some((c, i) => {
      if (!c.subject.includes(term)) return false;
      if (told.length === 0) return true;
      let from = i;
      while (from > 0 && !other(from - 1)) from--;
      let to = i;
      while (to < clauses.length - 1 && !other(to + 1)) to++;
      const around = clauses.slice(from, to + 1);
      return told.every((t) => around.some((a) => a.terms.includes(t)));
    });
  };

  if (speakers.every((w) => speaks(w.term))) return 'yes';
  // Someone else named tells it all ("did CNN report the 28-point plan" of "Axios's reporting on
  // the 28-point draft framework"): No, and the evidence says who. Not the report's own agency,
  // whose voice tells everything it does not credit to anyone.
  // Only for something specific: one word told ("did Trump talk about Putin") is too little to
  // say someone else told it instead.
  if (told.length < MIN_TOLD_BY_ANOTHER) return 'unknown';
  const agencies = new Set(kb.knowledge.stories.flatMap((st) => termsOf(st.agency)));
  const voices = [...voiceTermsOf(kb), ...kb.index.nameTerms.keys()].filter(
    (t) => !speakerTerms.has(t) && !agencies.has(t),
  );
  return voices.some(speaks) ? 'no' : 'unknown';
}
/**
 * In "did Trump call Putin", the word after the names the question opens with is its verb, however
 * the tagger reads it ("call" as a noun): its index, or -1.
 */
function doneAt(kb: KnowledgeBase, toks: readonly Token[]): number {
  if (toks[0]?.pos !== 'AUX' || toks[0].lemma !== 'do') return -1;
  // "did the Army…": the article before a name is no part of it.
  let i = toks[1]?.pos === 'DET' ? 2 : 1;
  const start = i;
  // A word read as a verb is a name only if the knowledge has someone of that name ("trump"), not
  // for being written capitalised often ("Thank you").
  const named = (t: Token) => {
    const word = normalize(t.normal);
    if (t.pos === 'VERB') return kb.index.nameTerms.has(termOf(word, kb.index.synonyms));
    // "the us": no pronoun follows an article; the country does.
    if (word === 'us' && start === 2) return true;
    if (isNamePart(t) || kindOf(word, kb) === 'name' || voiceTermsOf(kb).has(termOf(word, kb.index.synonyms))) {
      return true;
    }
    return (t.pos === 'NOUN' || t.pos === 'PROPN') && unknownName(kb, word);
  };
  while (i < toks.length && named(toks[i]!)) i++;
  return i > start && i < toks.length && DONE_AS.has(toks[i]!.pos) ? i : -1;
}

/** Whether the rest of a clause names someone and says nothing else ("Putin", "him", "the President?"). */
function onlyNamed(rest: readonly Token[]): boolean {
  const words = rest.slice(
    0,
    Math.max(
      0,
      rest.findIndex((t) => t.pos === 'PUNCT'),
    ) || rest.length,
  );
  // A person's pronoun ("call him"), not a thing's ("report this").
  return (
    words.length > 0 &&
    words.every((t) => isNamePart(t) || (t.pos === 'PRON' && PERSONAL.has(t.normal)) || t.pos === 'DET') &&
    words.some((t) => t.pos !== 'DET')
  );
}
const PERSONAL: ReadonlySet<string> = new Set(['him', 'her', 'them', 'me', 'you', 'u']);

const CONVERSING: ReadonlySet<string> = new Set(['talk', 'speak']);

/** Words told, at least, for a voice the report names telling them all to make another's a No. */
const MIN_TOLD_BY_ANOTHER = 2;

/** Who a yes/no question asks to have told something: a name or an outlet before its verb of telling ("did CNN report…"). */
function speakersOf(kb: KnowledgeBase, toks: readonly Token[], asked: readonly ResolvedWord[]): ResolvedWord[] {
  const at = tellingAt(toks);
  if (at < 0) return [];
  // "…, according to the Kremlin", "…reported by CNN": who follows is who is asked to have told it.
  const according = toks[at]!.normal === 'according' || toks[at + 1]?.normal === 'by';
  if (!according) {
    // Talking to or with someone is a conversation, not something told; calling someone, nothing
    // said of them, is no telling either ("did Trump call Putin").
    if (CONVERSING.has(toks[at]!.lemma) && /^(?:to|with)$/i.test(toks[at + 1]?.normal ?? '')) return [];
    if (onlyNamed(toks.slice(at + 1))) return [];
  }
  const theirs = new Set((according ? toks.slice(at + 2) : toks.slice(0, at)).map((t) => normalize(t.text)));
  const voices = voiceTermsOf(kb);
  return asked.filter((w) => theirs.has(normalize(w.typed)) && (kindOf(w.word, kb) === 'name' || voices.has(w.term)));
}

/**
 * Where a yes/no question says who told it: its verb of telling ("did CNN report…"), or an
 * "according to" ("…according to the Kremlin"); -1 for neither, or for a passive ("is Witkoff
 * described as…", which asks how the report tells of them, not what they told).
 */
function tellingAt(toks: readonly Token[]): number {
  const according = toks.findIndex((t, i) => t.normal === 'according' && toks[i + 1]?.normal === 'to');
  if (according >= 0) return according;
  // Not a noun after its determiner or adjective ("lead the talks", "the new report"), nor a
  // plural after another noun ("the back-channel talks", "peace talks").
  const plural = (t: Token, i: number) =>
    t.text.toLowerCase() !== t.lemma && /s$/i.test(t.text) && /^(?:NOUN|PROPN)$/.test(toks[i - 1]?.pos ?? '');
  const at = toks.findIndex((t, i) => TELLING.has(t.lemma) && !NOUN_AFTER.has(toks[i - 1]?.pos ?? '') && !plural(t, i));
  // A passive with its agent ("was reported by CNN") says who told it, as "according to" does.
  if (at >= 0 && passiveAt(toks, at) && toks[at + 1]?.normal === 'by') return at;
  return at < 0 || passiveAt(toks, at) ? -1 : at;
}

const NOUN_AFTER: ReadonlySet<string> = new Set(['DET', 'ADJ', 'NUM']);

/** Nouns of membership before "of" ("part of the delegation", "a member of the team"). */
const PARTITIVE: ReadonlySet<string> = new Set(['part', 'member', 'members']);

/**
 * Whether the verb at `at` is a passive: a form of "be" before it ("is he described as…"), not
 * one of a cleft whose relative clause has the verb ("was it the Post that reported…").
 */
function passiveAt(toks: readonly Token[], at: number): boolean {
  const be = toks.slice(0, at).findLastIndex((t) => t.lemma === 'be');
  return be >= 0 && !toks.slice(be + 1, at).some((t) => /^(?:that|who|which)$/i.test(t.normal));
}

/**
 * The terms of who tells in a clause: the noun phrase just before its verb of telling, past
 * adverbs and auxiliaries ("a Russian source described", "Trump recently voiced", "CNN
 * reported"). Any verb of telling will do: "did CNN say" of "CNN reported". Empty when the clause
 * has no such verb or no subject before it.
 */
function subjectTerms(kb: KnowledgeBase, clause: string): string[] {
  // "…, according to a source familiar with the discussions": who tells it is who follows.
  const according = /^\W*according\s+to\s+(.+)$/iu.exec(clause);
  if (according) return contentWords(according[1]!, kb.index.synonyms).map((w) => w.term);
  const toks = tokens(clause);
  // A verb of telling, or its noun after a possessor: "Axios's reporting on the framework".
  const at = toks.findIndex(
    (t, i) =>
      (t.pos === 'VERB' && TELLING.has(t.lemma)) ||
      (t.pos === 'NOUN' && isPossessive(toks[i - 1]) && tellingNouns().has(stemmer(t.normal))),
  );
  if (at < 0) return [];
  let end = isPossessive(toks[at - 1]) ? at - 2 : at - 1;
  while (end >= 0 && (toks[end]!.pos === 'ADV' || toks[end]!.pos === 'AUX' || toks[end]!.pos === 'PART')) end--;
  let start = end;
  while (start >= 0 && SUBJECT_PHRASE.has(toks[start]!.pos)) start--;
  // Not an adjective or a people's name qualifying it: "a Russian source" is no voice of Russia,
  // as "Kremlin spokesperson Dmitry Peskov" is of the Kremlin.
  return toks
    .slice(start + 1, end + 1)
    .filter((t) => t.pos !== 'ADJ' && !isDemonym(t.normal))
    .flatMap((t) => contentWords(t.text, kb.index.synonyms))
    .map((w) => w.term);
}
/** A clause of the evidence: its terms, and who tells in it (see `subjectTerms`). */
interface TellerClause {
  terms: string[];
  subject: string[];
}
const tellerClauseCache = new WeakMap<Entry, TellerClause[][]>();

let tellingNounsLoaded: ReadonlySet<string> | undefined;
/** The stems of the verbs of telling: their nouns ("reporting", "statement") stem alike. */
const tellingNouns = () => (tellingNounsLoaded ??= new Set([...TELLING].map((v) => stemmer(v))));

/** What a subject's noun phrase is made of: "Col. Dave Butler", "a Russian source", "CNN". */
const SUBJECT_PHRASE: ReadonlySet<string> = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM', 'PUNCT', 'PRON']);

/**
 * "Has the war ended", "has Ukraine agreed to the plan": a question in the perfect asks whether
 * something has happened, which evidence that names it only as a thing ("to negotiate an end to
 * the war", "what would the deal cover") does not say. Its verb must be a verb in the evidence.
 */
function happened(kb: KnowledgeBase, reply: Answer, toks: readonly Token[]): boolean {
  if (toks[0]?.pos !== 'AUX' || toks[0].lemma !== 'have') return true;
  // Its participle: the last verb, not a subject the tagger reads as one ("has trump ordered…",
  // "have talks ever collapsed").
  const verb = toks.findLast((t, i) => i > 0 && t.pos === 'VERB' && kindOf(normalize(t.normal), kb) !== 'name');
  if (!verb) return true;
  const term = termOf(normalize(verb.lemma), kb.index.synonyms);
  const verbs = perEntry(verbCache, kb, reply, () => {
    const out = new Set<string>();
    for (const text of evidenceTexts(reply)) {
      for (const t of tokens(text)) if (t.pos === 'VERB') out.add(termOf(normalize(t.lemma), kb.index.synonyms));
    }
    return out;
  });
  return (
    verbs.has(term) || [...verbSynonymsOf(verb.lemma)].some((v) => verbs.has(termOf(normalize(v), kb.index.synonyms)))
  );
}
const verbCache = new WeakMap<Entry, Set<string>>();

/**
 * The person a yes/no question is about (the name it opens with: "was Putin at the conference")
 * must be in the evidence outside someone's quoted words: "disappointed in President Putin", in
 * Trump's quote at the conference, says nothing of where Putin was.
 */
function spokenOfOutsideQuotes(
  kb: KnowledgeBase,
  reply: Answer,
  toks: readonly Token[],
  asked: readonly ResolvedWord[],
): boolean {
  // "Was Putin…", or the statement of a tag question: "Putin was…, right?".
  let i = toks[0]?.pos === 'AUX' ? 1 : 0;
  while (toks[i]?.pos === 'DET') i++;
  // A possessor ("was Driscoll's visit ordered by Trump") is not who the question is about.
  if (!toks[i] || isPossessive(toks[i + 1]) || /['’]s$/u.test(toks[i]!.text)) return true;
  const opening = normalize(toks[i]!.text);
  const subject = asked.find((w) => normalize(w.typed) === opening && kb.index.nameTerms.has(w.term));
  if (!subject) return true;
  const unquoted = evidenceTexts(reply).map((text) => text.replace(QUOTED, ' '));
  // By any of their names: "Dan Driscoll" opens with "Dan", and the evidence says "Driscoll met…".
  return unquoted.some((text) =>
    contentWords(text, kb.index.synonyms).some((w) => samePerson(kb, w.term, subject.term)),
  );
}
/** Words in quotation marks: someone's own. */
const QUOTED = /“[^”]*”|"[^"]*"/g;

/** The agencies and outlets the stories relay ("CNN", "Axios"): they tell things, as people do. */
export function outletTermsOf(kb: KnowledgeBase): ReadonlySet<string> {
  let terms = outletCache.get(kb.knowledge);
  if (!terms) {
    const names = kb.knowledge.stories.flatMap((s) => [s.agency, ...s.outlets]);
    terms = new Set(names.flatMap((n) => contentWords(n, kb.index.synonyms).map((w) => w.term)));
    outletCache.set(kb.knowledge, terms);
  }
  return terms;
}
const outletCache = new WeakMap<object, ReadonlySet<string>>();

/**
 * Who may tell something in the stories: their outlets, and the names in the voices their
 * sources are attributed to ("the U.S. Army", "Kremlin spokesperson Dmitry Peskov").
 */
function voiceTermsOf(kb: KnowledgeBase): ReadonlySet<string> {
  let terms = voiceCache.get(kb.knowledge);
  if (!terms) {
    const attributions = new Set(kb.index.entries.flatMap((e) => e.sources.map((s) => s.attribution)));
    const named = [...attributions].flatMap((a) => a.match(/\p{Lu}[\p{L}.’'-]*/gu) ?? []);
    terms = new Set([
      ...outletTermsOf(kb),
      ...named.flatMap((n) => contentWords(n, kb.index.synonyms).map((w) => w.term)),
    ]);
    voiceCache.set(kb.knowledge, terms);
  }
  return terms;
}
const voiceCache = new WeakMap<object, ReadonlySet<string>>();

const TELLING: ReadonlySet<string> = new Set([
  'say',
  'call',
  'speak',
  'talk',
  'comment',
  'remark',
  'report',
  'express',
  'highlight',
  'acknowledge',
  'note',
  'describe',
  'confirm',
  'tell',
  'claim',
  'state',
  'announce',
  'voice',
]);

const CLAUSE_BREAK = /[,;:()\u2013\u2014]/;
const ASKS_BEFORE: ReadonlySet<string> = new Set(['before', 'ever', 'once', 'already']);

/**
 * Adjectives that set what they qualify in another time than the present of a report (English's
 * closed class of them): "previous attempts" or "the last talks" are not the talks going on now.
 */
const OTHER_TIME: ReadonlySet<string> = new Set(['previous', 'earlier', 'prior', 'former', 'past', 'last', 'bygone']);

/**
 * Where a question with no verb but its auxiliary ends in a particle, that particle is what it
 * asks ("is the war over", "is the deal off"): its index, or -1.
 */
function predicateParticle(toks: readonly Token[]): number {
  if (toks.some((t) => t.pos === 'VERB')) return -1;
  let i = toks.length - 1;
  while (i >= 0 && (toks[i]!.pos === 'PUNCT' || toks[i]!.pos === 'SYM')) i--;
  return i >= 0 && (toks[i]!.pos === 'ADP' || toks[i]!.pos === 'PART') ? i : -1;
}

/**
 * Where a word stands in a sentence, for comparing names: after a preposition of place ("in",
 * "to", "at": one slot, the place) or another preposition, before the noun it qualifies ("US
 * source"), the object of a verb, or who does what a verb says ("Butler said", "ordered by Trump"). Determiners, adjectives and other parts of the name in between are passed over.
 */
function slotsOf(toks: readonly Token[], word: string, question = false): Set<string> {
  const out = new Set<string>();
  toks.forEach((t, i) => {
    if (
      !normalize(t.text)
        .split(' ')
        .some((w) => foldVariant(w) === word)
    )
      return;
    // A name before a noun qualifies it ("a U.S.-Saudi investment conference"): the preposition
    // before them governs the noun, not the name.
    let k = i + 1;
    // A possessor ("in Washington’s back-channel diplomacy") is not where anything is.
    if (isPossessive(toks[k])) return;
    // More of the name, up to its possessive ("Donald Trump’s special envoy"), is a possessor too.
    while (k < toks.length && QUALIFYING.has(toks[k]!.pos)) {
      if (isPossessive(toks[k]) && k > i + 1) return;
      k++;
    }
    const after = toks[k];
    // Who does something: the name before its verb ("Butler said"), or the subject a question
    // opens with, whose verb it may have read as a noun ("did vance order…").
    const opensQuestion = question && toks[0]?.pos === 'AUX' && toks.slice(1, i).every(isNamePart);
    if (after?.pos === 'VERB' || (opensQuestion && after?.pos === 'NOUN')) {
      out.add(`agent of ${after.lemma}`);
      return;
    }
    if (after?.pos === 'NOUN') {
      out.add(`before ${after.lemma}`);
      // Straight after a preposition, with no article between, the name is its object all the
      // same ("in President Putin right now", where "right" is read as a noun).
      let p = i - 1;
      while (p >= 0 && isNamePart(toks[p]!)) p--;
      if (toks[p]?.pos !== 'ADP') return;
    }
    let j = i - 1;
    while (j >= 0 && (SKIPPED.has(toks[j]!.pos) || isNamePart(toks[j]!))) j--;
    // A name joined to another ("for Ukraine and Europe") stands where the first one does.
    while (j > 0 && toks[j]!.pos === 'CCONJ' && SKIPPED.has(toks[j - 1]!.pos)) {
      j--;
      while (j >= 0 && SKIPPED.has(toks[j]!.pos)) j--;
    }
    const before = toks[j];
    // "ordered by President Trump": who did it, as "Trump ordered" says.
    if (before?.normal === 'by' && toks[j - 1]?.pos === 'VERB') out.add(`agent of ${toks[j - 1]!.lemma}`);
    if (before?.pos === 'ADP') out.add(PLACE.has(before.normal) ? 'at place' : `after ${before.normal}`);
    // The object of a verb: "visit Moscow" against "visited the U.S.".
    // A question typed in lower case often has its verb read as a noun ("did dmitriev visit moscow").
    else if (before?.pos === 'VERB' || (question && before?.pos === 'NOUN')) out.add(`object of ${before.lemma}`);
  });
  return out;
}
const SKIPPED: ReadonlySet<string> = new Set(['DET', 'ADJ', 'PROPN', 'NUM', 'PUNCT']);
/** How a tagger may read a lower-case question's verb: "did zelensky brief…" as an adjective. */
const DONE_AS: ReadonlySet<string> = new Set(['VERB', 'NOUN', 'ADJ']);
/** Verbs whose doing takes two, each doing it: one meeting the other is the other meeting them. */
const RECIPROCAL: ReadonlySet<string> = new Set([
  'meet',
  'talk',
  'speak',
  'negotiate',
  'discuss',
  'agree',
  'join',
  'fight',
]);
/** Places in a sentence that hold any number of names: of whom, with whom. */
const SHARED_SLOTS: ReadonlySet<string> = new Set(['after of', 'after with']);
/** More of a name: a proper noun, or a title written as one ("President" read as a noun). */
const isNamePart = (t: Token) => t.pos === 'PROPN' || (t.pos === 'NOUN' && /^\p{Lu}/u.test(t.text));
/** Between a name and the noun it qualifies: more of the name, a possessive, a hyphen, an adjective. */
const QUALIFYING: ReadonlySet<string> = new Set(['ADJ', 'PROPN', 'NUM', 'PUNCT', 'PART']);
const PLACE: ReadonlySet<string> = new Set(['in', 'at', 'to', 'into', 'inside', 'within', 'near', 'towards', 'toward']);

/**
 * Verb -> who the evidence has doing it, clause by clause (a comma ends a subject's reach:
 * "…his meeting with Driscoll, expressed gratitude" is Shmyhal's gratitude), with what the
 * clause's subject sets out to do ("Driscoll met Zelensky … to brief them": Driscoll briefs).
 */
function agentsOf(kb: KnowledgeBase, reply: Answer): Map<string, QueryWord[]> {
  return perEntry(agentCache, kb, reply, () => {
    const agents = new Map<string, QueryWord[]>();
    for (const text of evidenceTexts(reply).flatMap((t) => sentences(t))) {
      // Who did what in the clause before: a clause opening with a verb goes on with them
      // ("Shmyhal confirmed his meeting with Driscoll, expressed gratitude…, and highlighted…").
      let subjects: QueryWord[] = [];
      for (const clause of text.split(CLAUSE_BREAK)) {
        const toks = tokens(clause);
        const purposes = toks.filter(
          (t, i) => t.pos === 'VERB' && toks[i - 1]?.pos === 'PART' && toks[i - 1]?.normal === 'to',
        );
        const opening = toks.find((t) => t.pos !== 'CCONJ');
        const found: QueryWord[] = [];
        for (const w of contentWords(clause, kb.index.synonyms)) {
          if (kindOf(w.word, kb) !== 'name') continue;
          const done = [...slotsOf(toks, w.word)]
            .filter((slot) => slot.startsWith('agent of '))
            .map((slot) => slot.slice('agent of '.length));
          if (done.length === 0) continue;
          found.push(w);
          for (const verb of [...done, ...purposes.map((p) => p.lemma)])
            agents.set(verb, [...(agents.get(verb) ?? []), w]);
        }
        if (found.length) subjects = found;
        else if (opening?.pos === 'VERB') {
          for (const w of subjects) agents.set(opening.lemma, [...(agents.get(opening.lemma) ?? []), w]);
        } else subjects = [];
      }
    }
    return agents;
  });
}
const agentCache = new WeakMap<Entry, Map<string, QueryWord[]>>();

/** Slot -> the names the reply's answer and quotes put there (see `slotsOf`). */
function nameSlots(kb: KnowledgeBase, reply: Answer): Map<string, QueryWord[]> {
  return perEntry(slotCache, kb, reply, () => {
    const slots = new Map<string, QueryWord[]>();
    for (const text of evidenceTexts(reply)) {
      const toks = tokens(text);
      // Written as a name inside a sentence ("the U.S.", which the language reads as "us").
      const written = new Set(
        toks.filter((t, i) => i > 0 && /^\p{Lu}/u.test(t.text) && t.pos !== 'PRON').map((t) => normalize(t.text)),
      );
      for (const w of contentWords(text, kb.index.synonyms)) {
        // A month or a day is written capitalised too, and is no name ("in Anchorage in August").
        const kind = kindOf(w.word, kb);
        if (kind !== 'name' && (kind !== undefined || !written.has(w.word))) continue;
        for (const slot of slotsOf(toks, w.word)) slots.set(slot, [...(slots.get(slot) ?? []), w]);
      }
    }
    return slots;
  });
}
const slotCache = new WeakMap<Entry, Map<string, QueryWord[]>>();

/**
 * Verbs that deny or belittle what follows them ("downplayed reports of progress", "denied the
 * talks"): their object is not asserted, as with a "no" or "not".
 */
const DENYING: ReadonlySet<string> = new Set(['deny', 'downplay', 'dismiss', 'reject', 'refute', 'dispute']);
/** Nouns of absence do the same: "a lack of concrete commitments" asserts none were made. */
const ABSENCE: ReadonlySet<string> = new Set(['lack', 'absence']);

/** Negations of a predicate rather than of a noun phrase. */
const NEGATING_PREDICATE: ReadonlySet<string> = new Set(['not', "n't", 'never']);
/** How many words after a "no" it denies: "no new developments", not what follows. */
const NEGATION_REACH = 2;
/** How many content words after a denying verb it denies: "downplayed reports of progress". */
const DENIAL_REACH = 2;

/** Terms the reply's answer and quotes deny, and those they state without a denial. */
export function negationsOf(kb: KnowledgeBase, reply: Answer): Negations {
  return perEntry(negationCache, kb, reply, () => readNegations(kb, reply));
}

function readNegations(kb: KnowledgeBase, reply: Answer): Negations {
  const negated = new Set<string>();
  const affirmed = new Set<string>();
  const denying = presupposed(kb, reply, true);
  for (const text of [...evidenceTexts(reply), ...denying]) {
    // A negated wh-question denies its verb, not its subject ("why haven't the talks worked").
    const verbsOnly = denying.includes(text);
    let reach = 0;
    let denied = 0; // content words still to come under a denying verb
    // "No" denies the noun phrase it opens ("no new developments", not what follows it); "not" and
    // "never" deny the predicate, with its complements, to the end of the clause ("not previously
    // visible in earlier negotiations").
    let limit = NEGATION_REACH;
    for (const t of tokens(text)) {
      if (NEGATING_PREDICATE.has(t.normal)) limit = Infinity;
      else if (t.normal === 'no') limit = NEGATION_REACH;
      if (!t.negated) reach = 0;
      if (t.pos === 'PUNCT') denied = 0;
      if ((t.pos === 'VERB' && DENYING.has(t.lemma)) || (t.pos === 'NOUN' && ABSENCE.has(t.lemma))) {
        denied = DENIAL_REACH;
        continue;
      }
      if (t.stop) continue;
      const term = termOf(normalize(t.normal), kb.index.synonyms);
      if ((t.negated && reach < limit) || denied > 0) {
        if (t.negated) reach++;
        if (denied > 0) denied--;
        if (!verbsOnly || t.pos === 'VERB') negated.add(term);
      } else affirmed.add(term);
    }
  }
  return { negated, affirmed };
}
interface Negations {
  negated: ReadonlySet<string>;
  affirmed: ReadonlySet<string>;
}
/** Kept per entry, as its evidence is: the same entry is checked again and again. */
const negationCache = new WeakMap<Entry, Negations>();

/**
 * A dated event given as the answer to "when" must be the event asked about: a verb the question
 * uses and the event does not ("when will he leave" of his arrival), or a question about the
 * future (every event of a report is past), makes it an answer to another question.
 */
export function isOtherEvent(
  kb: KnowledgeBase,
  reply: Answer,
  words: readonly ResolvedWord[],
  toks: readonly Token[],
): boolean {
  const entry = reply.entry ? kb.index.byId.get(reply.entry) : undefined;
  if (reply.status !== 'answered' || entry?.kind !== 'event') return false;
  if (toks.some((t) => t.pos === 'AUX' && t.lemma === 'will')) return true;
  const terms = new Set(evidenceOf(kb, reply).map((w) => w.term));
  return words.some((w) => w.filler && w.pos === 'VERB' && !terms.has(w.term));
}

/** "How many…" or "how much…" answered by a reply with no number in it: an answer to another question. */
export function isUncounted(reply: Answer, toks: readonly Token[]): boolean {
  const at = toks.findIndex((t) => t.normal === 'how');
  const counting = at >= 0 && (toks[at + 1]?.normal === 'many' || toks[at + 1]?.normal === 'much');
  if (!counting || reply.status !== 'answered') return false;
  const evidence = evidenceTexts(reply).join(' ');
  return !tokens(evidence).some((t) => t.pos === 'NUM' || MAGNITUDES.has(t.lemma));
}

/**
 * Asked for a date ("what was the exact date he arrived") or a day, of an event the report times
 * less exactly ("Wednesday", "October"): the report doesn't give it, whatever else it says.
 */
export function isUndated(kb: KnowledgeBase, reply: Answer, toks: readonly Token[]): boolean {
  const entry = reply.entry ? kb.index.byId.get(reply.entry) : undefined;
  if (reply.status !== 'answered' || entry?.kind !== 'event') return false;
  const asked = toks.filter((t) => t.pos === 'NOUN').map((t) => t.lemma);
  const when = normalize(entry.when).split(' ');
  const hasDate = when.some((w) => /\d/.test(w));
  if (asked.includes('date')) return !hasDate;
  if (asked.includes('day')) return !hasDate && !when.some((w) => DAYS.has(w));
  return false;
}

/** English's magnitude words: "millions of euros" is an amount although no digit is written. */
const MAGNITUDES: ReadonlySet<string> = new Set(['dozen', 'hundred', 'thousand', 'million', 'billion', 'trillion']);

/** Not the answer to the question asked: the report doesn't say, and here is what it does say. */
export function notSaid(reply: Answer): Answer {
  return {
    ...reply,
    status: 'not_found',
    answer: null,
    text: `The report doesn't say. What it does say: ${reply.answer ?? reply.text}`,
    missing: 'whether that is so',
  };
}

/**
 * The words a reply stands behind: its answer, its quotes, and the wh-questions the curator wrote
 * for its entry, which presuppose what they ask about ("what is the peace push"); a yes/no
 * phrasing presupposes nothing. Kept per entry: the same entry is checked again and again.
 */
export function evidenceOf(kb: KnowledgeBase, reply: Answer): readonly QueryWord[] {
  return perEntry(evidenceCache, kb, reply, () => {
    const evidence = [
      reply.answer ?? reply.text,
      ...presupposed(kb, reply, false),
      ...reply.sources.map((s) => s.quote),
    ].join(' ');
    return contentWords(evidence, kb.index.synonyms);
  });
}
const evidenceCache = new WeakMap<Entry, readonly QueryWord[]>();

/**
 * The entry's wh-questions, which presuppose what they ask about: those without a negation, or
 * (`negative`) those with one, which presuppose the negation ("why haven't the talks worked so
 * far": they have not worked), so that their words say No, not Yes.
 */
function presupposed(kb: KnowledgeBase, reply: Answer, negative: boolean): string[] {
  const entry = reply.entry ? kb.index.byId.get(reply.entry) : undefined;
  return [entry?.title ?? '', ...(entry?.phrasings ?? [])].filter(
    (p) => !POLAR_TITLE.test(p) && NEGATION.test(p) === negative,
  );
}
const NEGATION = /\b(?:not|never|no)\b|n['’]t\b/i;

/**
 * Whether a question asks about what the entry's own yes/no question does: a word of its title
 * ("talks" or "secret" of "Are the talks secret?"; "agreement" of "Is there a peace deal yet?").
 */
function asksItsOwn(kb: KnowledgeBase, entry: Entry, words: readonly ResolvedWord[]): boolean {
  const own = termSet(entry.title, kb.index.synonyms);
  return words.some((w) => !w.filler && !QUESTION_WORDS.has(w.term) && own.has(w.term));
}

/** The reply with its verdict first: the first sentence answers the question. */
export function withPolarity(
  kb: KnowledgeBase,
  reply: Answer,
  verdict: Polarity,
  words?: readonly ResolvedWord[],
): Answer {
  if (reply.status !== 'answered' || reply.answer === null) return reply;
  // An entry that is itself a yes/no question carries its curated verdict ("Yes, largely."): keep it
  // unless the question's own premise fails. Where the evidence settles nothing, the verdict
  // answers the question asked only if that is the entry's own ("is the initiative described as
  // a minor one" is not "are the talks secret?", whatever words they share).
  const entry = reply.entry ? kb.index.byId.get(reply.entry) : undefined;
  if (entry && POLAR_TITLE.test(entry.title)) {
    // The curated verdict is its whole first clause: "Yes, largely." goes with the "Yes".
    // So is "Accounts differ.", which is about the entry's own question, not the premise denied.
    const rest = reply.answer.replace(/^(?:(?:yes|no)\b(?:,[^.!?]*)?|accounts differ)[.!?]?\s*/iu, '');
    if (verdict === 'unknown') {
      if (!words || asksItsOwn(kb, entry, words)) return reply;
      return notSaid({ ...reply, answer: rest, text: rest });
    }
    if (verdict === 'yes' && VERDICT_OPENING.test(reply.answer)) return reply;
    if (verdict === 'yes') return { ...reply, answer: `Yes. ${reply.answer}`, text: `Yes. ${reply.text}` };
    const answer = `No. ${rest}`;
    return { ...reply, answer, text: answer };
  }
  if (verdict === 'unknown') return notSaid(reply);
  // Sources that disagree on the point asked settle no Yes: the reply says they differ, first.
  if (verdict === 'yes' && entry?.conflict) {
    if (/^accounts differ\b/i.test(reply.answer)) return reply;
    return { ...reply, answer: `Accounts differ. ${reply.answer}`, text: `Accounts differ. ${reply.text}` };
  }
  const lead = verdict === 'yes' ? 'Yes.' : 'No.';
  const answer = `${lead} ${reply.answer}`;
  return { ...reply, answer, text: reply.text === reply.answer ? answer : `${lead} ${reply.text}` };
}

/**
 * Every number the engine's decisions turn on, in one frozen object: scoring weights, the
 * penalties that keep a near-miss from winning, and the thresholds that decide between answering,
 * asking back and declining. Each was chosen on the tuning questions (knowledge/eval, never the
 * held-out ones) with `npm run eval -- --sweep`, which moves one at a time across its range.
 */
export interface Tuning {
  /** At or above this score the best entry is answered. */
  readonly answer: number;
  /** From this score up an entry is offered as "did you mean". */
  readonly suggest: number;
  /** /who: a name match at or above this names the person. */
  readonly person: number;
  /** /who: people within this of the best match are ambiguous, and asked back. */
  readonly personMargin: number;
  /** /who: score of a match whose words are all typed, before credit for how much of the alias was typed. */
  readonly personBase: number;
  /** A question word weighs this much whatever its frequency: it decides what kind of fact is wanted. */
  readonly questionWordWeight: number;
  /** A term found only in an entry's answer counts for this share of one found in its phrasings. */
  readonly answerCredit: number;
  /** Score kept by an entry whose phrasings never ask with the question's own question word. */
  readonly questionMismatch: number;
  /** Score kept by an entry that never mentions a person the question names. */
  readonly missingName: number;
  /** Score kept by a dated event asked anything but "when". */
  readonly eventNotWhen: number;
  /** Score kept by a person's profile asked why, how, where or when. */
  readonly personNotWho: number;
  /** Recall weighs this many times precision in the F-measure: people leave words out more than they add. */
  readonly recallBeta: number;
  /**
   * A term in more than this share of entries (and at least commonFloor of them) is too common to
   * find candidates with: it only adds to the score of candidates rarer terms found.
   */
  readonly commonShare: number;
  readonly commonFloor: number;
  /** An unknown noun used fewer times than this in spoken English names a subject (below: too common to). */
  readonly commonNounCount: number;
  /** An unknown word that names nothing weighs this share of the rarest known word: a common noun, a verb, anything else. */
  readonly fillerNounWeight: number;
  readonly fillerVerbWeight: number;
  readonly fillerWeight: number;
  /** A word used at least this often in spoken English is spelt right: never corrected as a typo. */
  readonly realWordCount: number;
  /** /source: a line holding this share of the phrase's words is the line. */
  readonly sourceLine: number;
  /** /source: lines holding this share are offered as "did you mean". */
  readonly sourceSuggest: number;
  /** Stories whose best entries score within this of each other both answer: the reply asks which. */
  readonly storyMargin: number;
  /**
   * Another story's entry holding this share of what the best entry holds of a question (by the
   * weight of the words) answers it about as well: the reply asks which story. 1: all of it.
   */
  readonly storyCoverShare: number;
}

export const TUNING: Tuning = Object.freeze({
  answer: 0.6,
  suggest: 0.3,
  person: 0.75,
  personMargin: 0.1,
  personBase: 0.6,
  questionWordWeight: 2,
  answerCredit: 0.8,
  questionMismatch: 0.85,
  missingName: 0.5,
  eventNotWhen: 0.9,
  personNotWho: 0.9,
  recallBeta: 2,
  commonShare: 0.05,
  commonFloor: 1000,
  sourceLine: 0.8,
  sourceSuggest: 0.5,
  commonNounCount: 200,
  realWordCount: 100,
  fillerNounWeight: 0.6,
  fillerVerbWeight: 0.5,
  fillerWeight: 0.2,
  storyMargin: 0.05,
  storyCoverShare: 1,
});

/** The range `npm run eval -- --sweep` moves each number over: [from, to, step]. */
export const TUNING_RANGES: { readonly [K in keyof Tuning]: readonly [number, number, number] } = Object.freeze({
  answer: [0.4, 0.9, 0.05],
  suggest: [0.1, 0.5, 0.05],
  person: [0.6, 0.95, 0.05],
  personMargin: [0, 0.3, 0.05],
  personBase: [0.4, 0.8, 0.05],
  questionWordWeight: [0.5, 4, 0.5],
  answerCredit: [0.3, 1, 0.1],
  questionMismatch: [0.5, 1, 0.05],
  missingName: [0.2, 1, 0.1],
  eventNotWhen: [0.6, 1, 0.05],
  personNotWho: [0.6, 1, 0.05],
  recallBeta: [0.5, 4, 0.5],
  commonShare: [0.01, 0.2, 0.05],
  commonFloor: [100, 5000, 700],
  sourceLine: [0.5, 1, 0.05],
  sourceSuggest: [0.2, 0.8, 0.05],
  commonNounCount: [50, 2000, 150],
  realWordCount: [10, 1000, 90],
  fillerNounWeight: [0, 1, 0.1],
  fillerVerbWeight: [0, 1, 0.1],
  fillerWeight: [0, 1, 0.1],
  storyMargin: [0, 0.2, 0.01],
  storyCoverShare: [0.3, 1, 0.05],
});

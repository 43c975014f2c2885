import { sentimentOf, type Token } from '../language.js';
import { decline } from '../reply.js';
import type { Answer } from '../types.js';

/**
 * Questions that ask the bot for a view rather than the report for a fact: "do you think the deal
 * will work", "should Europe be at the table". The report's facts do not answer them, and an
 * entry that shares their words would read as the bot taking a side.
 */
export function opinionAsked(
  toks: readonly Token[],
  knows: (word: string) => boolean = () => false,
): Answer | undefined {
  const words = toks.map((t) => t.lemma);
  const addressed = words.findIndex((w) => w === 'you' || w === 'u');
  const asksView = addressed >= 0 && words.slice(addressed + 1, addressed + 3).some((w) => VIEWS.has(w));
  // "Should X…" opening a question asks what ought to be, which no report states.
  const normative = toks.find((t) => !t.stop || t.pos === 'AUX')?.lemma === 'should';
  // "Is Trump a good president", "is the plan a great deal": a judgement the question asks the
  // bot to make, by a word that praises or blames what it qualifies, and that the knowledge never
  // uses (a report's own "significant" or "productive" is a fact about what it says).
  const judging =
    toks[0]?.lemma === 'be' &&
    toks.some(
      (t, i) =>
        t.pos === 'ADJ' &&
        toks[i + 1]?.pos === 'NOUN' &&
        !knows(t.normal) &&
        Math.abs(sentimentOf(t.normal)) >= JUDGING,
    );
  if (!asksView && !normative && !judging && !words.includes('imo')) return undefined;
  return decline(
    'ask',
    "That asks for an opinion. I only say what the report says; ask me what it reports and I'll quote it.",
  );
}

/** How strongly a word must praise or blame, by wink-nlp's sentiment, to judge ("good" 0.78, "bad" -0.6). */
const JUDGING = 0.5;

/** Verbs of holding a view, as in "do you think", "d'you reckon". */
const VIEWS: ReadonlySet<string> = new Set(['think', 'reckon', 'believe', 'trust', 'feel', 'guess', 'expect']);

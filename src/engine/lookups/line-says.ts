import { sentences, type Token } from '../language.js';
import type { ResolvedWord } from '../resolve.js';
import { manyStories, type Scope } from '../stories.js';
import type { Story } from '../../knowledge/types.js';
import { QUESTION_WORDS, tellingTerms, termSet } from '../text.js';
import type { Answer, KnowledgeBase } from '../types.js';
import { answered } from '../reply.js';
import { negationsOf, premiseCheck, withPolarity } from './polar.js';

/**
 * A yes/no question no entry answers may still be one sentence of the report ("were the peace
 * efforts stalled before this push?" of "a fresh push to revive stalled peace efforts"): Yes, with
 * that sentence quoted from its line in the report's own voice. Only a sentence holding every word
 * of the question that asserts something (names, things, what was done) answers Yes; No, a
 * sentence that denies it ("no new developments" of "were there big new developments").
 */
export function lineSays(
  kb: KnowledgeBase,
  words: readonly ResolvedWord[],
  toks: readonly Token[],
  scope: Scope,
  near: Answer,
): Answer | undefined {
  // One story's report is read: the one named, or the one the entries found point to.
  const storyId = scope.story ?? near.sources[0]?.story ?? near.suggestions[0]?.story;
  const story =
    kb.knowledge.stories.find((s) => s.id === storyId) ?? (manyStories(kb) ? undefined : kb.knowledge.stories[0]);
  if (!story) return undefined;
  const telling = tellingTerms(kb.index.synonyms);
  const premises = words.filter((w) => !QUESTION_WORDS.has(w.term) && !w.filler && !telling.has(w.term));
  if (premises.length < MIN_PREMISES || words.some((w) => w.unknown)) return undefined;
  // What "no new developments" denies, it denies of big new developments too: a sentence may deny
  // the premise without its adjectives.
  const core = premises.filter((w) => w.pos !== 'ADJ' && w.pos !== 'ADV');
  if (core.length === 0) return undefined;
  {
    const lines = kb.index.reportLines.get(story.id) ?? [];
    for (let i = 0; i < lines.length; i++) {
      if (story.links.has(i + 1) || !core.every((w) => lines[i]!.terms.has(w.term))) continue;
      for (const { sentence, terms } of sentencesOf(kb, story, i)) {
        if (!core.every((w) => terms.has(w.term))) continue;
        const whole = premises.every((w) => terms.has(w.term));
        const source = { story: story.id, line: i + 1, quote: sentence, attribution: `${story.agency}’s report` };
        const reply = answered('ask', sentence, [source], `line:${i + 1}`, 1);
        const verdict = premiseCheck(kb, reply, words, toks);
        // Yes needs all of it; a sentence denying the rest denies it with any adjective added.
        if (whole && verdict === 'yes') return withPolarity(kb, reply, 'yes');
        if (verdict === 'no' && core.some((w) => negationsOf(kb, reply).negated.has(w.term))) {
          return withPolarity(kb, reply, 'no');
        }
      }
    }
  }
  return undefined;
}

/** Fewer words than this assert too little to be checked against a sentence on their own. */
const MIN_PREMISES = 2;

/** A line's sentences with their terms, split once per story and kept. */
function sentencesOf(kb: KnowledgeBase, story: Story, line: number): readonly Sentence[] {
  let lines = sentenceCache.get(story);
  if (!lines) sentenceCache.set(story, (lines = []));
  let out = lines[line];
  if (!out) {
    out = sentences(story.lines[line]!).map((sentence) => ({
      sentence,
      terms: termSet(sentence, kb.index.synonyms),
    }));
    lines[line] = out;
  }
  return out;
}
interface Sentence {
  sentence: string;
  terms: ReadonlySet<string>;
}
const sentenceCache = new WeakMap<Story, Sentence[][]>();

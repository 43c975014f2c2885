import { frequentStopwords, tokens, wordCount } from '../engine/language.js';
import { normalize, typoDistance } from '../engine/text.js';
import type { ReasonJudge } from './evaluate.js';

/**
 * The judge of "The report doesn't mention “X”" replies. X is a false reason when the report
 * does use it (after normalising and lemmatising: "led" is in a report that says "leading"), or
 * when X names nothing: not a noun, proper noun, number or capitalised name where the question uses it, a function
 * word, or a rare spelling one letter from a common function word ("wat") that is not a name.
 */
export function reasonJudge(report: string): ReasonJudge {
  const used = new Set<string>();
  for (const t of tokens(report)) used.add(normalize(t.normal)).add(normalize(t.lemma));
  const normalReport = ` ${normalize(report)} `;
  return (reply, question) => {
    const named = /doesn't mention (.+)$/s.exec(reply)?.[1];
    if (!named) return [];
    const words = [...named.matchAll(/“([^”]+)”/g)].map((m) => m[1]!);
    const asked = tokens(question);
    return words.filter((x) => {
      if (normalReport.includes(` ${normalize(x)} `)) return true;
      const xs = tokens(x);
      if (xs.length > 0 && xs.every((t) => used.has(normalize(t.normal)) || used.has(normalize(t.lemma)))) return true;
      return !xs.some((t) => {
        const inQuestion = asked.find((a) => a.normal === t.normal);
        const pos = inQuestion?.pos ?? t.pos;
        // Capitalised where it was typed, past the first word: a proper name, whatever the tagger says.
        const capitalised = inQuestion !== undefined && inQuestion !== asked[0] && /^\p{Lu}/u.test(inQuestion.text);
        // A name ("UK", "Musk") is no text-speak, however near a function word it is spelt.
        const name = capitalised || pos === 'PROPN';
        return (name || ['NOUN', 'NUM'].includes(pos)) && !t.stop && (name || !looksLikeFunctionWord(t.normal));
      });
    });
  };
}

/** A rarely used spelling one edit from a frequent function word: text-speak for it. */
function looksLikeFunctionWord(word: string): boolean {
  if (wordCount(word) >= 100 || /\d/.test(word)) return false;
  return frequentStopwords(10_000).some((f) => typoDistance(word, f, 1) <= 1);
}

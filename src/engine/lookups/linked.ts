import type { Token } from '../language.js';
import type { ResolvedWord } from '../resolve.js';
import { answered, decline } from '../reply.js';
import { contentWords, normalize, QUESTION_WORDS, tellingTerms } from '../text.js';
import type { Answer, KnowledgeBase } from '../types.js';
import { isPolar, kindOf } from './polar.js';
import { defaultStory } from './source.js';
import { manyStories, type Scope } from '../stories.js';

/**
 * Questions about a link to another story, named by the label the report gives it ("what's the
 * Also Read about", "does the also read story mention nuclear energy"). The report holds only
 * the link's headline: that is the answer, quoted, and a yes/no question is checked against it
 * alone (Yes when the headline holds every premise, No when it names another place or person).
 */
export function linkedStory(
  kb: KnowledgeBase,
  question: string,
  toks: readonly Token[],
  words: readonly ResolvedWord[],
  scope: Scope,
): Answer | undefined {
  // Several stories each with their own links: only the story named or pinned says which link.
  const id = scope.story ?? scope.prefer;
  const story = id ? kb.knowledge.stories.find((s) => s.id === id) : manyStories(kb) ? undefined : defaultStory(kb);
  if (!story) return undefined;
  const asked = ` ${normalize(question)} `;
  for (const line of story.links.keys()) {
    const text = story.lines[line - 1] ?? '';
    const label = /^([^:]{3,40}):\s*(.+)$/.exec(text);
    if (!label || !asked.includes(` ${normalize(label[1]!)} `)) continue;
    const headline = label[2]!;
    const source = { story: story.id, line, quote: text, attribution: 'a link to another story' };
    const said = `Line ${line} of the report links to another story and gives only its headline: “${headline}”. It says nothing more about it.`;
    const reply = answered('ask', said, [source], `line:${line}`, 1);
    if (!isPolar(toks, question)) return reply;
    const held = contentWords(headline, kb.index.synonyms);
    const heldTerms = new Set(held.map((w) => w.term));
    const ignore = new Set([
      ...contentWords(label[1]!, kb.index.synonyms).map((w) => w.term),
      ...tellingTerms(kb.index.synonyms),
    ]);
    const premises = words.filter((w) => !QUESTION_WORDS.has(w.term) && !ignore.has(w.term));
    const lacking = premises.filter((w) => !heldTerms.has(w.term));
    if (lacking.length === 0) return { ...reply, answer: `Yes. ${said}`, text: `Yes. ${said}` };
    const otherName = (w: ResolvedWord) =>
      kindOf(w.word) === 'name' && held.some((h) => h.term !== w.term && kindOf(h.word) === 'name');
    if (lacking.length === 1 && otherName(lacking[0]!)) return { ...reply, answer: `No. ${said}`, text: `No. ${said}` };
    return { ...decline('ask', `The report doesn't say. What it does say: ${said}`), sources: [source] };
  }
  return undefined;
}

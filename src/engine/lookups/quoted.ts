import { tokens } from '../language.js';
import { contentWords, normalize, termOf } from '../text.js';
import type { Answer, KnowledgeBase } from '../types.js';
import { ask } from './ask.js';
import { isPolar } from './polar.js';
import { defaultStory, sourceLine } from './source.js';

/**
 * A question about a phrase the member quotes ("what does 'parallel development' refer to"): the
 * phrase is the subject, the words around it only ask what it means. Answered by the entry the
 * phrase alone finds, or else by the line of the report it comes from.
 */
export function quotedPhrase(kb: KnowledgeBase, text: string): Answer | undefined {
  const phrase = QUOTED.exec(text)?.[1];
  // "Did he say 'a little disappointed'?" asks yes or no, about the quote: the yes/no path answers it.
  if (!phrase || isPolar(tokens(text), text)) return undefined;
  // Only a question about the phrase itself: a noun of the story outside the quotes asks something
  // else ("'this week': which week, what dates?"); "in this article", "mentioned here" do not.
  const rest = text.replace(phrase, ' ');
  const nouns = new Set(
    tokens(rest)
      .filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN')
      .map((t) => normalize(t.normal)),
  );
  const documentTerms = new Set(['story', 'report'].map((w) => termOf(w, kb.index.synonyms)));
  const asksElse = contentWords(rest, kb.index.synonyms).some(
    (w) => nouns.has(w.word) && kb.index.idf.has(w.term) && !documentTerms.has(w.term),
  );
  if (asksElse) return undefined;
  const wanted = normalize(phrase);
  const story = defaultStory(kb);
  const line = story.lines.findIndex((l, i) => !story.links.has(i + 1) && ` ${normalize(l)} `.includes(` ${wanted} `));
  if (line < 0) return undefined;
  const entry = ask(kb, phrase);
  if (entry.status === 'answered' && entry.sources.some((s) => s.line === line + 1)) return entry;
  return { ...sourceLine(story, line + 1), lookup: 'ask' };
}

/** A phrase between double, single or curly quotes (not apostrophes), at least three characters long. */
const QUOTED = /(?:^|[\s(])["“‘']([^"“”‘’']{3,80})["”’'](?=$|[\s?.,!:;)])/;

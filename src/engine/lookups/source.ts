import type { Story } from '../../knowledge/types.js';
import { EMPTY_HINTS } from '../input.js';
import { MAX_SUGGESTIONS } from '../limits.js';
import { answered, askBack, decline } from '../reply.js';
import type { Scope } from '../stories.js';
import { clip, normalize, termSet } from '../text.js';
import type { Answer, KnowledgeBase, Suggestion } from '../types.js';

/**
 * /source: a line of a report by number, by a verbatim phrase, or by most of a phrase's words.
 * With several stories, a line number alone asks which story; a phrase finds its story.
 */
export function source(kb: KnowledgeBase, text: string, scope: Scope = {}): Answer {
  const stories = storiesIn(kb, scope);
  const number = /^(?:line\s*)?#?\s*(\d{1,6})\.?$/i.exec(text);
  if (number) {
    const n = Number(number[1]);
    const having = stories.filter((s) => n <= s.lines.length);
    if (stories.length === 1 || scope.prefer || having.length <= 1) return sourceLine(having[0] ?? stories[0]!, n);
    return askBack(
      'source',
      `Line ${n} of which story?`,
      having.slice(0, MAX_SUGGESTIONS).map((s) => lineSuggestion(s, n)),
      1,
    );
  }
  const phrase = normalize(text);
  const linesOf = (story: Story) => kb.index.reportLines.get(story.id) ?? [];
  for (const story of stories) {
    const exact = linesOf(story).findIndex((l) => phrase && l.normalized.includes(phrase));
    if (exact >= 0) return sourceLine(story, exact + 1);
  }

  // Not verbatim: the line holding most of the phrase's words, if it holds most of them.
  const terms = termSet(text);
  if (terms.size === 0) return decline('source', EMPTY_HINTS.source);
  const ranked = stories
    .flatMap((story) =>
      linesOf(story).map((line, i) => {
        const hits = [...terms].filter((t) => line.terms.has(t)).length;
        return { story, line: i + 1, share: hits / terms.size };
      }),
    )
    .filter((r) => r.share > 0)
    .sort((a, b) => b.share - a.share);
  const top = ranked[0];
  // One word of a longer phrase ("war" of "the war is over") is no line saying it: offered, not given.
  const enough = terms.size > 1 || phrase.split(' ').length <= 2;
  if (top && enough && top.share >= kb.tuning.sourceLine && (ranked[1]?.share ?? 0) < top.share)
    return { ...sourceLine(top.story, top.line), confidence: top.share };
  const suggestions = ranked
    .filter((r) => r.share >= kb.tuning.sourceSuggest)
    .slice(0, MAX_SUGGESTIONS)
    .map((r) => lineSuggestion(r.story, r.line));
  if (suggestions.length) {
    return askBack('source', 'No line says exactly that. Did you mean:', suggestions, top?.share ?? 0);
  }
  return decline('source', 'No line of the report says that.', [], top?.share ?? 0);
}

/** The stories a lookup searches, in order: the one named, or the pinned one first, or all. */
function storiesIn(kb: KnowledgeBase, scope: Scope): Story[] {
  const all = kb.knowledge.stories;
  if (scope.story) return all.filter((s) => s.id === scope.story);
  if (scope.prefer) return [...all.filter((s) => s.id === scope.prefer), ...all.filter((s) => s.id !== scope.prefer)];
  return [...all];
}

/** One line of the report, quoted whole, attributed to the report itself (or marked as a link). */
export function sourceLine(story: Story, line: number): Answer {
  const text = story.lines[line - 1];
  if (text === undefined) {
    return decline('source', `The report has lines 1 to ${story.lines.length}; there is no line ${line}.`);
  }
  const link = story.links.get(line);
  const attribution = link ? 'a link to another story' : `${story.agency}’s report (${story.dateline})`;
  const reply = answered('source', text, [{ story: story.id, line, quote: text, attribution }], `line:${line}`, 1);
  return link ? { ...reply, text: `${text}\n\n(${link})` } : reply;
}

function lineSuggestion(story: Story, line: number): Suggestion {
  return { id: `line:${line}`, title: `Line ${line}: ${clip(story.lines[line - 1] ?? '', 80)}`, story: story.id };
}

export function defaultStory(kb: KnowledgeBase): Story {
  return kb.knowledge.stories[0]!;
}

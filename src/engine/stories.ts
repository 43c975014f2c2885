import type { Entry, EntryKind, Story } from '../knowledge/types.js';
import { decide } from './decide.js';
import { MAX_RANKED, MAX_SUGGESTIONS } from './limits.js';
import { askBack, decline, suggestionOf } from './reply.js';
import type { ResolvedWord } from './resolve.js';
import { scoreEntries, type ScoredEntry } from './score.js';
import { clip, normalize, QUESTION_WORDS } from './text.js';
import type { Answer, KnowledgeBase, Lookup, Request, Suggestion } from './types.js';

/**
 * Many stories served at once. A question goes to the story whose entry answers it best; when the
 * best entries of two stories score about the same, the reply asks which story rather than guess.
 * A request may name its story (only that one is searched) or prefer one (a channel's pin: it
 * answers when it can, and the others are searched only when it cannot).
 */
export interface Scope {
  story?: string;
  prefer?: string;
}

/** A story by id or by title, as typed. */
export function findStory(kb: KnowledgeBase, typed: string): Story | undefined {
  const key = normalize(typed);
  return kb.knowledge.stories.find(
    (s) => s.id === typed.trim() || normalize(s.id) === key || normalize(s.title) === key,
  );
}

/** The request's scope, or the decline that a story it names is not loaded. */
export function scopeOf(kb: KnowledgeBase, request: Request): Scope | Answer {
  const scope: Scope = {};
  if (request.story?.trim()) {
    const story = findStory(kb, request.story);
    if (!story) {
      return decline(
        request.lookup,
        `No story called “${clip(request.story, 60)}” is loaded; /about lists the stories.`,
      );
    }
    scope.story = story.id;
  }
  const pinned = request.prefer ? findStory(kb, request.prefer) : undefined;
  if (pinned && !scope.story) scope.prefer = pinned.id;
  return scope;
}

export function manyStories(kb: KnowledgeBase): boolean {
  return kb.knowledge.stories.length > 1;
}

/** Score, route among the stories, and decide. */
export function routed(
  kb: KnowledgeBase,
  words: readonly ResolvedWord[],
  text: string,
  lookup: Lookup,
  kinds: ReadonlySet<EntryKind> | undefined,
  scope: Scope,
): Answer {
  const { tuning, index } = kb;
  const scored = (limit: number, story?: string) =>
    aboutTheirLink(kb, scoreEntries(index, words, tuning, kinds, limit, story), words);
  const score = (story?: string) => scored(MAX_RANKED, story);
  if (scope.story || !manyStories(kb)) return decide(tuning, lookup, score(scope.story), words);
  const pinned = scope.prefer ? score(scope.prefer) : [];
  if ((pinned[0]?.score ?? 0) >= tuning.answer) return decide(tuning, lookup, pinned, words);
  const ranked = scored(MAX_RANKED * 3);
  const close = closeStories(ranked, tuning.answer, tuning.storyMargin);
  const ambiguous = close.length > 1 ? close : sharedSubject(kb, ranked, words);
  // Ambiguous, and the channel's pinned story is one of the answers: the pin decides.
  if (scope.prefer && ambiguous.some((a) => a.entry.story === scope.prefer)) {
    return decide(tuning, lookup, pinned, words);
  }
  if (ambiguous.length > 1) return whichStory(kb, lookup, ambiguous);
  return decide(tuning, lookup, ranked, words);
}

/**
 * A gap that declines because its subject is another story, one the report only links to ("That
 * is a different story"), says something false of a question about this story that shares a name
 * with the link ("did the talks happen in Saudi Arabia"). It is a candidate only when the link's
 * line or the gap's own words hold every word the question asks with.
 */
function aboutTheirLink(
  kb: KnowledgeBase,
  ranked: readonly ScoredEntry[],
  words: readonly ResolvedWord[],
): ScoredEntry[] {
  const { index } = kb;
  const asked = words.filter((w) => !w.filler && !w.unknown && !QUESTION_WORDS.has(w.term) && index.idf.has(w.term));
  return ranked.filter(({ entry, at }) => {
    if (entry.kind !== 'gap' || at === undefined || entry.sources.length === 0) return true;
    const story = kb.knowledge.stories.find((s) => s.id === entry.story);
    if (!story || !entry.sources.every((s) => story.links.has(s.line))) return true;
    const lines = index.reportLines.get(story.id) ?? [];
    const held = new Set([
      ...index.entryPhrasingTerms[at]!,
      ...index.entryAnswerTerms[at]!,
      ...entry.sources.flatMap((s) => [...(lines[s.line - 1]?.terms ?? [])]),
    ]);
    return asked.every((w) => held.has(w.term));
  });
}

/**
 * Another reading of "about equally": an entry of another story holds most of what the best one
 * holds of the question (by the weight of the words, rare ones weighing more): "what happened on
 * Wednesday", when both stories have a Wednesday. Their scores then differ by how the entries
 * happen to be phrased, not by what was asked.
 */
function sharedSubject(
  kb: KnowledgeBase,
  ranked: readonly ScoredEntry[],
  words: readonly ResolvedWord[],
): ScoredEntry[] {
  const { index, tuning } = kb;
  const top = ranked[0];
  if (!top || top.score < tuning.answer) return [];
  const content = words.filter((w) => !w.unknown && !QUESTION_WORDS.has(w.term));
  const held = (r: ScoredEntry) =>
    r.at === undefined
      ? 0
      : content
          .filter(
            (w) => index.entryPhrasingTerms[r.at!]!.includes(w.term) || index.entryAnswerTerms[r.at!]!.includes(w.term),
          )
          .reduce((sum, w) => sum + w.weight, 0);
  const topHeld = held(top);
  if (topHeld === 0) return [];
  const best = new Map<string, ScoredEntry>([[top.entry.story, top]]);
  for (const r of ranked) {
    if (r.score < tuning.suggest) break;
    if (!best.has(r.entry.story) && held(r) >= tuning.storyCoverShare * topHeld) best.set(r.entry.story, r);
  }
  return [...best.values()];
}

/** The best entry of each story that scores within `margin` of the best, when the best is an answer. */
export function closeStories(ranked: readonly ScoredEntry[], answer: number, margin: number): ScoredEntry[] {
  const top = ranked[0];
  if (!top || top.score < answer) return [];
  const best = new Map<string, ScoredEntry>();
  for (const r of ranked) {
    if (r.score < Math.max(answer, top.score - margin)) break;
    if (!best.has(r.entry.story)) best.set(r.entry.story, r);
  }
  return [...best.values()];
}

/** "Which story do you mean?", with the best answer of each as a choice. */
export function whichStory(
  kb: KnowledgeBase,
  lookup: Lookup,
  choices: readonly { entry: Entry; score?: number }[],
): Answer {
  const suggestions = choices.slice(0, MAX_SUGGESTIONS).map((c) => suggestionOf({ entry: c.entry }));
  return askBack(
    lookup,
    'More than one story answers that. Which story do you mean?',
    suggestions,
    choices[0]?.score ?? 1,
  );
}

/**
 * With more than one story loaded: the answer names its story, and every suggestion carries its
 * story in its id (`story/id`) and title, so that a button answers from the right one.
 */
export function withStories(kb: KnowledgeBase, answer: Answer): Answer {
  if (!manyStories(kb)) return answer;
  const titleOf = (id: string) => kb.knowledge.stories.find((s) => s.id === id)?.title ?? id;
  const storyId = answer.sources[0]?.story;
  return {
    ...answer,
    story: storyId ? { id: storyId, title: titleOf(storyId) } : null,
    // The entry carries its story too, so that logs and batch output name it without ambiguity.
    entry:
      answer.entry && storyId && !answer.entry.startsWith(`${storyId}/`) ? `${storyId}/${answer.entry}` : answer.entry,
    suggestions: answer.suggestions.map((s): Suggestion => ({
      ...s,
      id: s.id.startsWith(`${s.story}/`) ? s.id : `${s.story}/${s.id}`,
      title: clip(`${clip(titleOf(s.story), 40)}: ${s.title}`, 200),
    })),
  };
}

/** `story/id` or a bare id: the story (if named) and the id within it. */
export function parseRef(kb: KnowledgeBase, ref: string): { story: Story | undefined; id: string } {
  const slash = ref.indexOf('/');
  if (slash > 0) {
    const story = kb.knowledge.stories.find((s) => s.id === ref.slice(0, slash));
    if (story) return { story, id: ref.slice(slash + 1) };
  }
  return { story: undefined, id: ref };
}

import type { Entry, EntryKind, Knowledge, PersonEntry, Source, Story } from '../knowledge/types.js';
import {
  buildIndex,
  resolveWords,
  scoreEntries,
  typoBudget,
  type ResolvedWord,
  type ScoredEntry,
  type SearchIndex,
} from './search.js';
import { clip, contentWords, normalize, QUESTION_WORDS, stripPreamble, typoDistance } from './text.js';

/**
 * The answer engine: a request goes in, an `Answer` comes out. Pure and synchronous; it knows
 * nothing of Discord or the console, which only turn input into a request and an answer into a reply.
 */

export type Lookup = 'ask' | 'who' | 'when' | 'source' | 'entry';
export interface Request {
  lookup: Lookup;
  text: string;
}

export type Status = 'answered' | 'unsure' | 'not_found';

export interface Suggestion {
  /** An entry id, or `line:N` for a line of the report; answer it with the `entry` command. */
  id: string;
  title: string;
}

export interface Answer {
  status: Status;
  lookup: Lookup;
  /** The answer asserted to the user; null unless `status` is `answered`. */
  answer: string | null;
  /** What to show: the answer, or the honest reason there is none. */
  text: string;
  sources: Source[];
  /** How sure the engine is that `entry` answers the question, from 0 to 1. */
  confidence: number;
  entry: string | null;
  suggestions: Suggestion[];
  /** The sources disagree with each other; show each with its attribution. */
  conflict: boolean;
  /** What the report does not cover, when that is why there is no answer ("China"). */
  missing: string | null;
}

export interface KnowledgeBase {
  readonly knowledge: Knowledge;
  readonly index: SearchIndex;
  readonly thresholds: Thresholds;
}

export const MAX_QUERY_LENGTH = 300;
export const MAX_SUGGESTIONS = 3;

/**
 * Decision thresholds on entry scores, chosen from `npm run eval` (see README, "How sure is sure"):
 * at or above ANSWER the best entry is answered; from SUGGEST up it is offered as "did you mean".
 */
export interface Thresholds {
  readonly answer: number;
  readonly suggest: number;
  readonly person: number;
}
export const THRESHOLDS: Thresholds = Object.freeze({ answer: 0.6, suggest: 0.3, person: 0.75 });

export function buildKnowledgeBase(knowledge: Knowledge, thresholds: Thresholds = THRESHOLDS): KnowledgeBase {
  return Object.freeze({ knowledge, index: buildIndex(knowledge), thresholds });
}

export function answer(kb: KnowledgeBase, request: Request): Answer {
  const text = cleanInput(request.text);
  const { lookup } = request;
  if (text.length > MAX_QUERY_LENGTH) {
    return decline(lookup, `That is too long: please keep it under ${MAX_QUERY_LENGTH} characters.`);
  }
  if (!text) return decline(lookup, EMPTY_HINTS[lookup]);
  switch (lookup) {
    case 'ask':
      return ask(kb, text);
    case 'who':
      return who(kb, text);
    case 'when':
      return when(kb, text);
    case 'source':
      return source(kb, text);
    case 'entry':
      return byId(kb, text);
  }
}

const EMPTY_HINTS: Record<Lookup, string> = {
  ask: 'Ask a question about the story, for example: who is leading the talks?',
  who: 'Name someone from the story, for example: Witkoff.',
  when: 'Name an event, for example: Driscoll arrived in Ukraine.',
  source: 'Give a line number of the report, or a phrase from it.',
  entry: 'Name an entry.',
};

/** Control characters out, white space folded: what is left is what the person meant to type. */
export function cleanInput(text: string): string {
  return (
    text
      .replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ')
      // Mentions are not questions: @everyone, @here, <@user>, <@&role>, <#channel>.
      .replace(/@(?:everyone|here)\b|<(?:@[!&]?|#)\d+>/gi, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

function ask(kb: KnowledgeBase, text: string, kinds?: ReadonlySet<EntryKind>, lookup: Lookup = 'ask'): Answer {
  const words = resolveWords(kb.index, stripPreamble(text));
  if (words.every((w) => QUESTION_WORDS.has(w.term))) {
    return decline(lookup, `I couldn't find a question about the story in that. ${EMPTY_HINTS.ask}`);
  }
  return decide(kb.thresholds, lookup, scoreEntries(kb.index, words, kinds), words, text);
}

function decide(
  thresholds: Thresholds,
  lookup: Lookup,
  ranked: readonly ScoredEntry[],
  words: readonly ResolvedWord[],
  text: string,
): Answer {
  const top = ranked[0];
  const unknown = words.filter((w) => w.unknown);
  const missing = unknown.length ? nameWords(text, unknown) : null;

  // A word the knowledge has never seen is a subject the report does not cover: never answer around it.
  // (A gap entry is answered by fromEntry as the decline it is.)
  if (top && top.score >= thresholds.answer && !missing) return fromEntry(lookup, top.entry, top.score);

  const suggestions = ranked
    .filter((r) => r.score >= thresholds.suggest && r.entry.kind !== 'gap')
    .slice(0, MAX_SUGGESTIONS)
    .map(suggestionOf);
  const confidence = top?.score ?? 0;
  if (missing) {
    return { ...decline(lookup, `The report doesn't mention ${missing}.`, suggestions, confidence), missing };
  }
  if (suggestions.length > 0) {
    return {
      ...decline(lookup, "I'm not sure the report answers that. Did you mean:", suggestions, confidence),
      status: 'unsure',
    };
  }
  return decline(
    lookup,
    "The report doesn't say. I couldn't match that to anything it covers; try /help for what it does.",
    [],
    confidence,
  );
}

function who(kb: KnowledgeBase, raw: string): Answer {
  const direct = kb.index.byId.get(raw);
  if (direct?.kind === 'person') return fromEntry('who', direct, 1);
  const text = raw.replace(/^\s*(?:who\s*(?:is|was|'s|s)\b|tell me about|what about)\s*/i, '').replace(/\?+\s*$/, '');
  const people = rankPeople(kb.index, text);
  const [first, second] = people;
  if (first && first.score >= kb.thresholds.person) {
    if (second && second.score >= first.score - 0.1) {
      return {
        ...decline(
          'who',
          'Several people in the report match that. Did you mean:',
          people
            .filter((p) => p.score >= first.score - 0.1)
            .slice(0, MAX_SUGGESTIONS)
            .map((p) => suggestionOf({ entry: p.person })),
          first.score,
        ),
        status: 'unsure',
      };
    }
    return fromEntry('who', first.person, first.score);
  }
  // Not a name: a description ("the Kremlin's spokesman") is matched against roles and summaries.
  const words = resolveWords(kb.index, text);
  const answer = decide(kb.thresholds, 'who', scoreEntries(kb.index, words, PEOPLE), words, text);
  if (answer.status === 'not_found' && !answer.missing) {
    return { ...answer, text: `The report doesn't name anyone like “${text}”.` };
  }
  return answer;
}

const PEOPLE: ReadonlySet<EntryKind> = new Set(['person']);
const DATED: ReadonlySet<EntryKind> = new Set(['event', 'gap']);

function when(kb: KnowledgeBase, text: string): Answer {
  const direct = kb.index.byId.get(text);
  if (direct && DATED.has(direct.kind)) return fromEntry('when', direct, 1);
  const question = /\bwhen\b/i.test(text) ? text : `when ${text}`;
  return ask(kb, question, DATED, 'when');
}

interface PersonScore {
  person: PersonEntry;
  score: number;
}

/**
 * People ranked by how well the typed words match one of their names or aliases: fuse.js shortlists
 * aliases, then each typed word must be an alias word or within a typo of one. The score is 1 for
 * an alias typed in full and falls as the alias has words that were not typed.
 */
function rankPeople(index: SearchIndex, text: string): PersonScore[] {
  const typed = normalize(text)
    .split(' ')
    .filter((w) => w && !NAME_FILLER.has(w));
  if (typed.length === 0) return [];
  const best = new Map<string, PersonScore>();
  for (const hit of index.aliasFuse.search(typed.join(' '), { limit: 30 })) {
    const person = index.entries[hit.item.entry] as PersonEntry;
    const aliasWords = hit.item.alias.split(' ').filter((w) => !NAME_FILLER.has(w));
    const used = new Set<number>();
    const covered = typed.every((t) => {
      const at = aliasWords.findIndex(
        (a, i) => !used.has(i) && (a === t || typoDistance(a, t, typoBudget(t.length)) <= typoBudget(t.length)),
      );
      if (at >= 0) used.add(at);
      return at >= 0;
    });
    if (!covered) continue;
    const score = 0.6 + 0.4 * (used.size / aliasWords.length);
    const prev = best.get(person.id);
    if (!prev || score > prev.score) best.set(person.id, { person, score });
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

const NAME_FILLER: ReadonlySet<string> = new Set(['the', 'of', 'a', 'an', 'mr', 'mrs', 'ms']);

function source(kb: KnowledgeBase, text: string): Answer {
  const story = defaultStory(kb);
  const number = /^(?:line\s*)?#?\s*(\d{1,6})\.?$/i.exec(text);
  if (number) return sourceLine(story, Number(number[1]));
  const phrase = normalize(text);
  const lines = story.lines.map(normalize);
  const exact = lines.findIndex((l) => phrase && l.includes(phrase));
  if (exact >= 0) return sourceLine(story, exact + 1);

  // Not verbatim: the line holding most of the phrase's words, if it holds most of them.
  const terms = new Set(contentWords(text).map((w) => w.term));
  if (terms.size === 0) return decline('source', EMPTY_HINTS.source);
  const ranked = story.lines
    .map((line, i) => {
      const lineTerms = new Set(contentWords(line).map((w) => w.term));
      const hits = [...terms].filter((t) => lineTerms.has(t)).length;
      return { line: i + 1, share: hits / terms.size };
    })
    .filter((r) => r.share > 0)
    .sort((a, b) => b.share - a.share);
  const top = ranked[0];
  if (top && top.share >= 0.8 && (ranked[1]?.share ?? 0) < top.share)
    return { ...sourceLine(story, top.line), confidence: top.share };
  const suggestions = ranked
    .filter((r) => r.share >= 0.5)
    .slice(0, MAX_SUGGESTIONS)
    .map((r) => lineSuggestion(story, r.line));
  if (suggestions.length) {
    return {
      ...decline('source', 'No line says exactly that. Did you mean:', suggestions, top?.share ?? 0),
      status: 'unsure',
    };
  }
  return decline('source', 'No line of the report says that.', [], top?.share ?? 0);
}

function sourceLine(story: Story, line: number): Answer {
  const text = story.lines[line - 1];
  if (text === undefined) {
    return decline('source', `The report has lines 1 to ${story.lines.length}; there is no line ${line}.`);
  }
  const link = story.links.get(line);
  const attribution = link ? 'a link to another story' : `${story.agency}’s report (${story.dateline})`;
  return {
    status: 'answered',
    lookup: 'source',
    answer: text,
    text: link ? `${text}\n\n(${link})` : text,
    sources: [{ story: story.id, line, quote: text, attribution }],
    confidence: 1,
    entry: `line:${line}`,
    suggestions: [],
    conflict: false,
    missing: null,
  };
}

function lineSuggestion(story: Story, line: number): Suggestion {
  return { id: `line:${line}`, title: `Line ${line}: ${clip(story.lines[line - 1] ?? '', 80)}` };
}

function byId(kb: KnowledgeBase, id: string): Answer {
  const line = /^line:(\d+)$/.exec(id);
  if (line) return sourceLine(defaultStory(kb), Number(line[1]));
  const entry = kb.index.byId.get(id);
  return entry
    ? fromEntry('entry', entry, 1)
    : decline('entry', 'That answer is no longer in the knowledge; ask again.');
}

function defaultStory(kb: KnowledgeBase): Story {
  return kb.knowledge.stories[0]!;
}

function fromEntry(lookup: Lookup, entry: Entry, confidence: number): Answer {
  if (entry.kind === 'gap') {
    return {
      ...decline(lookup, entry.answer, [], round(confidence)),
      sources: [...entry.sources],
      entry: entry.id,
      missing: entry.missing,
    };
  }
  return {
    status: 'answered',
    lookup,
    answer: entry.answer,
    text: entry.answer,
    sources: [...entry.sources],
    confidence: round(confidence),
    entry: entry.id,
    suggestions: [],
    conflict: entry.conflict,
    missing: null,
  };
}

function decline(lookup: Lookup, text: string, suggestions: Suggestion[] = [], confidence = 0): Answer {
  return {
    status: 'not_found',
    lookup,
    answer: null,
    text,
    sources: [],
    confidence: round(confidence),
    entry: null,
    suggestions,
    conflict: false,
    missing: null,
  };
}

function suggestionOf(scored: { entry: Entry }): Suggestion {
  return { id: scored.entry.id, title: scored.entry.title };
}

/** The unknown words as the person typed them, in a short list: “China” or “China” and “Biden”. */
function nameWords(text: string, words: readonly ResolvedWord[]): string {
  const typed = text.split(/\s+/).map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  const names = [
    ...new Set(
      words.map(
        (w) => typed.find((t) => normalize(t) === w.word || normalize(t).split(' ').includes(w.word)) ?? w.word,
      ),
    ),
  ]
    .slice(0, 3)
    .map((n) => `“${clip(n, 40)}”`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0]!;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

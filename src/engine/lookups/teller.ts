import type { Source } from '../../knowledge/types.js';
import { sentences } from '../language.js';
import { answered } from '../reply.js';
import { contentWords, listOf, QUESTION_WORDS, termSet } from '../text.js';
import type { Answer, KnowledgeBase } from '../types.js';

/**
 * "Who said negotiations accelerated", "which outlet reported that Trump is doing secret talks":
 * the question asks who tells something, not who did it. What is told is looked up on its own;
 * the answer is the voice the report attributes the quote holding it to, with that quote; or,
 * when no entry quotes all of it, the one sentence of the report that does, and the voice that
 * sentence names telling it ("…, CNN reported").
 */
export function tellerOf(kb: KnowledgeBase, question: string, lookUp: (text: string) => Answer): Answer | undefined {
  const told = toldIn(question);
  if (told === undefined) return undefined;
  const { synonyms } = kb.index;
  const terms = toldTerms(kb, told);
  // Too little is told to find it by ("who said that", "who reported it").
  if (terms.length < MIN_TOLD) return undefined;
  const reply = lookUp(told);
  // A quote of the answer that holds all that is told: its voice tells it. A quote holding only
  // part of it is someone telling something else ("no new developments… between Trump and Putin").
  const holdsAll = (quote: string) => {
    const held = termSet(quote, synonyms);
    return terms.every((t) => held.has(t));
  };
  const quoted = reply.status === 'answered' ? reply.sources.filter((s) => holdsAll(s.quote)) : [];
  // Else any curated quote that holds it all ("no new developments": Peskov's, line 6), or a
  // sentence of the report naming who tells it.
  const curated = quoted.length ? [] : curatedQuotes(kb, holdsAll);
  const oneVoice = new Set(curated.map((c) => c.attribution)).size === 1;
  const found = quoted.length
    ? quoted
    : oneVoice
      ? curated
      : [sentenceTelling(kb, terms, holdsAll)].filter((s) => s !== undefined);
  if (found.length === 0) return undefined;
  // Each quote's voice; the report's own may still name who tells it inside the quote ("what the
  // Army described as a fact-finding mission").
  const voiced = found.map((source) => {
    const agency = kb.knowledge.stories.find((s) => s.id === source.story)?.agency;
    const own = agency !== undefined && source.attribution.toLowerCase().startsWith(agency.toLowerCase());
    const named = own ? namedInQuote(kb, source.quote, terms) : undefined;
    return { source: named ? { ...source, attribution: named } : source, own: own && !named };
  });
  const others = [...new Set(voiced.filter((v) => !v.own).map((v) => v.source.attribution))];
  const text = others.length
    ? `The report attributes it to ${listOf(others)}.`
    : `The report says so in its own voice (${found[0]!.attribution}); it names no other source for it.`;
  const sources = voiced.map((v) => v.source);
  const entry = quoted.length && reply.entry ? reply.entry : `line:${sources[0]!.line}`;
  return { ...answered('ask', text, sources, entry, 1), story: reply.story };
}

/** The curated sources whose quote holds all that is told, one per line and voice. */
function curatedQuotes(kb: KnowledgeBase, holdsAll: (text: string) => boolean): Source[] {
  const seen = new Map<string, Source>();
  for (const entry of kb.index.entries) {
    if (entry.kind === 'gap') continue;
    for (const s of entry.sources) {
      const key = `${s.story}:${s.line}:${s.attribution}`;
      if (!seen.has(key) && holdsAll(s.quote)) seen.set(key, s);
    }
  }
  return [...seen.values()];
}

/** What a question asks who told ("who said *no new developments*"), or undefined. */
function toldIn(question: string): string | undefined {
  const m = TELLER.exec(question) ?? ACCORDING_TO_WHOM.exec(question) ?? ACCORDING_TO_WHOM_AFTER.exec(question);
  return m?.[1]?.trim();
}

function toldTerms(kb: KnowledgeBase, told: string): string[] {
  return contentWords(told, kb.index.synonyms)
    .map((w) => w.term)
    .filter((t) => kb.index.idf.has(t) && !QUESTION_WORDS.has(t));
}

/** Whether a reply's answer or quotes hold any of what the question asks who told (true when it asks no such thing). */
export function holdsWhatIsTold(kb: KnowledgeBase, reply: Answer, question: string): boolean {
  const told = TELLER.exec(question)?.[1]?.trim();
  if (told === undefined) return true;
  const terms = toldTerms(kb, told);
  const held = new Set(
    [reply.answer ?? '', ...reply.sources.map((s) => s.quote)].flatMap((t) => [...termSet(t, kb.index.synonyms)]),
  );
  return terms.some((t) => held.has(t));
}

/** The one sentence of the reports that holds all that is told and names who tells it, as its source. */
function sentenceTelling(
  kb: KnowledgeBase,
  terms: readonly string[],
  holdsAll: (text: string) => boolean,
): Source | undefined {
  const found: Source[] = [];
  for (const story of kb.knowledge.stories) {
    const lines = kb.index.reportLines.get(story.id) ?? [];
    lines.forEach((line, i) => {
      if (story.links.has(i + 1) || !terms.every((t) => line.terms.has(t))) return;
      // Only a sentence that names who tells it ("…, CNN reported"): one that does not may still
      // have someone telling it further off ("Peskov downplayed…, saying there were…").
      for (const sentence of sentences(story.lines[i]!)) {
        const voice = holdsAll(sentence) ? namedInQuote(kb, sentence, terms) : undefined;
        if (voice) found.push({ story: story.id, line: i + 1, quote: sentence, attribution: voice });
      }
    });
  }
  return found.length === 1 ? found[0] : undefined;
}

/** Words of what is told, at least, for it to be looked up on its own. */
const MIN_TOLD = 2;

/**
 * "Who (first) said/reported (that) …", "which outlet/source/agency reported …", opening the
 * question or one of its clauses ("…im kinda confused, who actually reported that …? like…").
 */
const TELLER =
  /(?:^\W*|[,;:.!?]\s+)(?:who|which\s+(?:news\s+)?(?:outlet|source|agency|paper|site|network|official|person))\s+(?:\w+ly\s+|first\s+)?(?:said|says|say|reported|reports|report|claimed|claims|noted|notes|stated|states|told|announced|described|called)\s+(?:that\s+|it\s+|this\s+)?([^?.!]+)/iu;

/** "According to whom was it a fact-finding mission", "… one of the most significant efforts, according to who?" */
const ACCORDING_TO_WHOM =
  /(?:^\W*|[,;:.!?]\s+)according\s+to\s+(?:whom|who)\s*,?\s*(?:(?:is|was|are|were|does|did|do|has|have|had)\s+)?([^?.!]+)/iu;
const ACCORDING_TO_WHOM_AFTER = /^\W*([^?.!]+?),?\s+according\s+to\s+(?:whom|who)\W*$/iu;

/** A voice named just before a verb of telling inside a quote: "what the Army described as". */
const NAMED_TELLING =
  /((?:\p{Lu}[\p{L}.’'-]*\s+){1,3})(?:\w+ly\s+)?(?:said|reported|described|called|noted|claimed|stated|announced|confirmed|acknowledged)\b/u;

/**
 * The voice a quote itself names telling it, when the knowledge attributes the quote to the
 * report's own voice: the attribution whose words hold the name ("the Army": "the U.S. Army").
 */
function namedInQuote(kb: KnowledgeBase, quote: string, told: readonly string[]): string | undefined {
  const m = NAMED_TELLING.exec(quote);
  if (!m) return undefined;
  // The voice tells what follows it ("the Army described as a fact-finding mission"), or, put
  // after a comma, what came before it ("…, CNN reported"): not a neighbour's words in the sentence.
  const postposed = /,\s*(?:the\s+)?$/iu.test(quote.slice(0, m.index));
  const side = postposed ? quote.slice(0, m.index) : quote.slice(m.index + m[0].length);
  const held = termSet(side, kb.index.synonyms);
  if (!told.every((t) => held.has(t))) return undefined;
  const { synonyms } = kb.index;
  const named = contentWords(m[1]!, synonyms).map((w) => w.term);
  if (named.length === 0) return undefined;
  // The knowledge's own name for that voice ("CNN"), or the quote's words for it ("the Army").
  const attributions = new Set(kb.index.entries.flatMap((e) => e.sources.map((s) => s.attribution)));
  const same = [...attributions].find((a) => {
    const terms = contentWords(a, synonyms).map((w) => w.term);
    return terms.length === named.length && named.every((t) => terms.includes(t));
  });
  return same ?? `${/\bthe\s+$/i.test(quote.slice(0, m.index)) ? 'the ' : ''}${m[1]!.trim()}`;
}

import type { PersonEntry } from '../../knowledge/types.js';
import type { SearchIndex } from '../search-index.js';
import type { ResolvedWord } from '../resolve.js';
import { decline, fromEntry } from '../reply.js';
import type { ScoredEntry } from '../score.js';
import type { Token } from '../language.js';
import { contentWords, normalize, termSet } from '../text.js';
import type { Answer, KnowledgeBase } from '../types.js';

/**
 * "What did X say" about someone the report never quotes: say so, then what it does say about X,
 * rather than answer with X's profile as if it were what X said.
 */
export function notQuoted(
  kb: KnowledgeBase,
  toks: readonly Token[],
  words: readonly ResolvedWord[],
): Answer | undefined {
  const said = toks.findIndex((t) => SPEECH.has(t.lemma));
  if (said < 0) return undefined;
  // The speaker is named before the verb: "what did Witkoff say", not "what did the Army say about Driscoll".
  const before = new Set(toks.slice(0, said).map((t) => normalize(t.text)));
  const named = words
    .filter((w) => before.has(w.word) || before.has(normalize(w.typed)))
    .map((w) => w.term)
    .filter((t) => kb.index.nameTerms.has(t));
  const first = named[0];
  if (!first) return undefined;
  const person = kb.index.people.find(
    (e): e is PersonEntry =>
      e.kind === 'person' && contentWords(e.name, kb.index.synonyms).some((w) => w.term === first),
  );
  if (!person || quotedPeople(kb.index).has(person.id)) return undefined;
  return {
    ...decline('ask', `The report doesn't quote ${person.name}. What it does say: ${person.answer}`),
    sources: [...person.sources],
    entry: person.id,
    missing: `anything ${person.name} said`,
  };
}

const VERDICT = /^(?:yes|no)\b/i;

/** Verbs that ask what someone said. */
const SPEECH: ReadonlySet<string> = new Set(['say', 'quote', 'comment']);

/** People some source of the knowledge is attributed to: those the report quotes. Built once per index. */
const quoted = new WeakMap<SearchIndex, ReadonlySet<string>>();
function quotedPeople(index: SearchIndex): ReadonlySet<string> {
  let ids = quoted.get(index);
  if (!ids) {
    const voices = new Set(index.entries.flatMap((e) => e.sources.map((s) => s.attribution.toLowerCase())));
    const surname = (p: PersonEntry) => p.name.split(' ').at(-1)!.toLowerCase();
    ids = new Set(index.people.filter((p) => [...voices].some((v) => v.includes(surname(p)))).map((p) => p.id));
    quoted.set(index, ids);
  }
  return ids;
}

/**
 * "What did X say" of a voice the report quotes (a person, an outlet, "the Army"): the best-ranked
 * entry with a source attributed to X, rather than X's profile or an entry that only shares X's
 * name ("what did Trump say" is his words at the investment conference, not who he is).
 */
export function saidBy(
  kb: KnowledgeBase,
  toks: readonly Token[],
  words: readonly ResolvedWord[],
  ranked: readonly ScoredEntry[],
): Answer | undefined {
  const said = toks.findIndex((t) => SPEECH.has(t.lemma));
  if (said < 0 || words.some((w) => w.unknown)) return undefined;
  const before = new Set(toks.slice(0, said).map((t) => normalize(t.text)));
  const named = words.filter((w) => before.has(w.word) || before.has(normalize(w.typed))).map((w) => w.term);
  const voices = voiceTerms(kb.index);
  const speaker = named.filter((t) => [...voices.values()].some((terms) => terms.has(t)));
  if (speaker.length === 0) return undefined;
  const speaks = (attribution: string) => speaker.every((t) => voices.get(attribution)?.has(t));
  const best = ranked.find(
    (r) => r.entry.kind !== 'person' && r.entry.kind !== 'gap' && r.entry.sources.some((s) => speaks(s.attribution)),
  );
  // Only in place of X's profile about to be answered; then an entry that still shares the
  // question's words (a "did you mean" score), not any entry X is quoted in.
  const top = ranked[0];
  if (!best || !top) return undefined;
  // Asked only what a voice said ("what did Axios say"), and nothing answers more surely: what it
  // is quoted saying, however little else of the question the entry shares.
  const onlyTheSpeaker = words.every((w) => speaker.includes(w.term));
  if (onlyTheSpeaker && top.score < kb.tuning.answer) {
    // What X said is best an entry quoting X alone; one that answers a yes/no question ("No, no
    // deal is reported") is not what X said.
    const plain = (r: ScoredEntry) => r.entry.kind === 'qa' && !VERDICT.test(r.entry.answer);
    const own = ranked.find((r) => plain(r) && r.entry.sources.every((s) => speaks(s.attribution)));
    const some = ranked.find((r) => plain(r) && r.entry.sources.some((s) => speaks(s.attribution)));
    return fromEntry('ask', (own ?? some ?? best).entry, kb.tuning.answer);
  }
  if (top.entry.kind !== 'person' || top.score < kb.tuning.answer) return undefined;
  if (best.score < kb.tuning.suggest) return undefined;
  return fromEntry('ask', best.entry, best.score);
}

/** Each attribution of the knowledge's sources, with its terms ("President Donald Trump"). Built once per index. */
const voiceCache = new WeakMap<SearchIndex, ReadonlyMap<string, ReadonlySet<string>>>();
function voiceTerms(index: SearchIndex): ReadonlyMap<string, ReadonlySet<string>> {
  let voices = voiceCache.get(index);
  if (!voices) {
    const attributions = new Set(index.entries.flatMap((e) => e.sources.map((s) => s.attribution)));
    voices = new Map([...attributions].map((a) => [a, termSet(a, index.synonyms)] as const));
    voiceCache.set(index, voices);
  }
  return voices;
}

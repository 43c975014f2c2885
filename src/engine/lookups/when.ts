import type { EntryKind, EventEntry } from '../../knowledge/types.js';
import type { Token } from '../language.js';
import { fromEntry } from '../reply.js';
import type { ResolvedWord } from '../resolve.js';
import { QUESTION_WORDS, termSet } from '../text.js';
import type { Answer, KnowledgeBase } from '../types.js';
import type { Scope } from '../stories.js';
import { ask } from './ask.js';
import { withoutVerdict } from './alternative.js';

const DATED: ReadonlySet<EntryKind> = new Set(['event', 'gap']);

/** /when: a dated event, or the gap that says the report gives no date. */
export function when(kb: KnowledgeBase, text: string, scope: Scope = {}): Answer {
  const direct = kb.index.byId.get(text);
  if (direct && DATED.has(direct.kind)) return fromEntry('when', direct, 1);
  const question = /\bwhen\b/i.test(text) ? text : `when ${text}`;
  const dated = ask(kb, question, DATED, 'when', scope);
  if (dated.status === 'answered' || dated.entry || dated.suggestions.length || dated.missing) return dated;
  // No dated event matches, but the report covers what was asked ("/when the 28 point draft"):
  // say no date was found for it, and what the report does say, rather than that it covers nothing.
  // Without a Yes or No: "/when did Peskov speak" asks when, not whether.
  const covered = withoutVerdict(ask(kb, text, undefined, 'ask', scope));
  if (covered.status !== 'answered' || !covered.answer) return dated;
  const said = `I found no date for that in the report. What it says: ${covered.answer}`;
  return { ...covered, lookup: 'when', status: 'not_found', answer: null, text: said, missing: 'a date for it' };
}

/**
 * "What happened on Wednesday", "anything happen in October?": asked what the report dates to a
 * time, not the time of something. Answered with the one dated event whose time holds every word
 * asked; undefined when none does, or several.
 */
export function happenedAt(
  kb: KnowledgeBase,
  words: readonly ResolvedWord[],
  toks: readonly Token[],
  scope: Scope,
): Answer | undefined {
  if (!toks.some((t) => HAPPENING.has(t.lemma))) return undefined;
  const asked = words.filter((w) => !w.filler && !QUESTION_WORDS.has(w.term));
  if (asked.length === 0 || asked.some((w) => w.unknown)) return undefined;
  const byTerm = eventsByTimeTerm(kb);
  const at = (byTerm.get(asked[0]!.term) ?? []).filter(
    (e) => (!scope.story || e.event.story === scope.story) && asked.every((w) => e.terms.has(w.term)),
  );
  return at.length === 1 ? fromEntry('ask', at[0]!.event, 1) : undefined;
}

interface TimedEvent {
  event: EventEntry;
  /** The terms of its time ("wednesday"; "this week": "week"). */
  terms: ReadonlySet<string>;
}
/** Each term of an event's time -> the events at such a time; read once per knowledge base. */
function eventsByTimeTerm(kb: KnowledgeBase): ReadonlyMap<string, readonly TimedEvent[]> {
  let map = timeCache.get(kb.index);
  if (!map) {
    map = new Map();
    for (const event of kb.index.entries) {
      if (event.kind !== 'event') continue;
      const terms = termSet(event.when, kb.index.synonyms);
      for (const t of terms) {
        const events = map.get(t);
        if (events) events.push({ event, terms });
        else map.set(t, [{ event, terms }]);
      }
    }
    timeCache.set(kb.index, map);
  }
  return map;
}
const timeCache = new WeakMap<object, Map<string, TimedEvent[]>>();

/** Verbs that ask what took place. */
const HAPPENING: ReadonlySet<string> = new Set(['happen', 'occur']);

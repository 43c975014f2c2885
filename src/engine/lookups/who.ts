import type { EntryKind } from '../../knowledge/types.js';
import { MAX_SUGGESTIONS } from '../limits.js';
import { peopleNamedIn, rankPeople } from '../people.js';
import { tokens } from '../language.js';
import { ask } from './ask.js';
import { askBack, fromEntry, suggestionOf } from '../reply.js';
import { resolveWords } from '../resolve.js';
import { normalize } from '../text.js';
import { closeStories, routed, whichStory, type Scope } from '../stories.js';
import { evidenceTexts, outletTermsOf } from './polar.js';
import type { Answer, KnowledgeBase } from '../types.js';

const PEOPLE: ReadonlySet<EntryKind> = new Set(['person']);

/** /who: a person by name or alias, or by a description of their role. */
export function who(kb: KnowledgeBase, raw: string, scope: Scope = {}): Answer {
  const direct = kb.index.byId.get(raw);
  if (direct?.kind === 'person') return fromEntry('who', direct, 1);
  const text = raw.replace(/^\s*(?:who\s*(?:is|was|'s|s)\b|tell me about|what about)\s*/i, '').replace(/\?+\s*$/, '');
  const described = describedBy(kb, text, scope);
  if (described) return described;
  let people = rankPeople(kb.index, text, kb.tuning);
  if (scope.story) people = people.filter((p) => p.person.story === scope.story);
  else if (scope.prefer && people.some((p) => p.person.story === scope.prefer && p.score >= kb.tuning.person)) {
    people = people.filter((p) => p.person.story === scope.prefer);
  }
  const [first, second] = people;
  if (first && first.score >= kb.tuning.person) {
    // The same name in two stories ("Trump"): which story, not which person.
    const stories = closeStories(
      people.map((p) => ({ entry: p.person, score: p.score })),
      kb.tuning.person,
      kb.tuning.personMargin,
    );
    if (stories.length > 1 && new Set(stories.map((s) => normalize(s.entry.title))).size === 1) {
      return whichStory(kb, 'who', stories);
    }
    const close = people.filter((p) => p.score >= first.score - kb.tuning.personMargin);
    if (second && close.length > 1) {
      return askBack(
        'who',
        'Several people in the report match that. Did you mean:',
        close.slice(0, MAX_SUGGESTIONS).map((p) => suggestionOf({ entry: p.person })),
        first.score,
      );
    }
    return fromEntry('who', first.person, first.score);
  }
  // Not a name: a description ("the Kremlin's spokesman") is matched against roles and summaries.
  const words = resolveWords(kb.index, text, kb.tuning);
  const answer = routed(kb, words, text, 'who', PEOPLE, scope);
  if (answer.status === 'not_found' && !answer.missing) {
    // An outlet the report relays ("/who cnn"): what the report says of it. Other words the
    // report does use: no person, but no false "doesn't name" either.
    const outlets = outletTermsOf(kb);
    if (words.some((w) => outlets.has(w.term))) {
      const about = routed(kb, words, text, 'who', undefined, scope);
      if (about.status === 'answered') return about;
    }
    if (words.some((w) => !w.unknown && !w.filler && kb.index.reportTerms.has(w.term))) {
      return { ...answer, text: `I found no person in the report described as “${text}”.` };
    }
    return { ...answer, text: `The report doesn't name anyone like “${text}”.` };
  }
  return answer;
}

/**
 * Someone described by what they did ("the one who met Zelensky", "the person leading the talks",
 * "the spokesperson who said Trump ordered the visit"): asked who did it, and answered with the
 * first person the answer names who is not named in the description itself.
 */
function describedBy(kb: KnowledgeBase, text: string, scope: Scope): Answer | undefined {
  const toks = tokens(text);
  const verb = toks.findIndex((t) => t.pos === 'VERB');
  if (verb < 0) return undefined;
  const relative = toks.findIndex((t, i) => i < verb && RELATIVE.has(t.normal));
  const from = relative >= 0 ? relative + 1 : verb;
  // A participle after its noun ("the person leading…") is asked in the present progressive.
  const progressive = from === verb && /ing$/i.test(toks[verb]!.text) ? 'is ' : '';
  const predicate = toks
    .slice(from)
    .map((t) => t.text)
    .join(' ');
  const reply = ask(kb, `who ${progressive}${predicate}`, undefined, 'ask', scope);
  if (reply.status !== 'answered') return undefined;
  const inDescription = new Set(peopleNamedIn(kb.index, text));
  const evidence = evidenceTexts(reply).join(' ');
  const person = peopleNamedIn(kb.index, evidence).find((p) => !inDescription.has(p));
  return person ? fromEntry('who', person, reply.confidence) : undefined;
}

const RELATIVE: ReadonlySet<string> = new Set(['who', 'that', 'which', 'whom']);

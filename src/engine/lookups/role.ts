import type { PersonEntry } from '../../knowledge/types.js';
import { isDemonym, isPlace, type Token } from '../language.js';
import type { ResolvedWord } from '../resolve.js';
import type { SearchIndex } from '../search-index.js';
import { MAX_SUGGESTIONS } from '../limits.js';
import { askBack, decline, fromEntry } from '../reply.js';
import { confirmsAtEnd } from './polar.js';
import { PROFILE_FIELDS } from '../subject.js';
import { clip, contentWords, listOf, normalize, QUESTION_WORDS, tellingTerms, termOf, termSet } from '../text.js';
import type { Answer, KnowledgeBase } from '../types.js';

/**
 * Titles and roles: "is Witkoff the secretary of state" is answered from the roles the report
 * gives ("No. The report calls Steve Witkoff President Donald Trump's special envoy"), and "who
 * is the army secretary" by the person who holds the role.
 */

/** The terms of each person's name and role as the report gives them. */
interface Roles {
  people: readonly {
    person: PersonEntry;
    name: ReadonlySet<string>;
    role: ReadonlySet<string>;
    /** The title the name opens with ("Gen." of "Gen. Randy George"), a title like the role. */
    title: ReadonlySet<string>;
  }[];
  /** Every term used in some person's role. */
  vocabulary: ReadonlySet<string>;
}

const cache = new WeakMap<SearchIndex, Roles>();
function rolesOf(index: SearchIndex): Roles {
  let roles = cache.get(index);
  if (!roles) {
    const terms = (text: string) => termSet(text, index.synonyms);
    const people = index.people.map((person) => {
      const [title, bare] = titleOf(person);
      return {
        person,
        name: terms([bare, ...person.aliases.filter((a) => a.split(' ').length === 1)].join(' ')),
        role: terms(`${person.role} ${person.name}`),
        title: terms(title),
      };
    });
    roles = { people, vocabulary: new Set(people.flatMap((p) => [...p.role].filter((t) => !p.name.has(t)))) };
    cache.set(index, roles);
  }
  return roles;
}

/**
 * A name's opening title and the name without it: the words before the longest alias of two words
 * or more the name ends with ("Gen." before "Randy George"; not "JD" before "Vance"). A name no
 * such alias ends has no title.
 */
function titleOf(person: PersonEntry): [string, string] {
  const words = person.name.split(/\s+/);
  const lower = (ws: readonly string[]) => ws.join(' ').toLowerCase();
  const aliases = new Set(person.aliases.map((a) => a.toLowerCase()));
  for (let at = 1; at < words.length - 1; at++) {
    if (aliases.has(lower(words.slice(at)))) return [words.slice(0, at).join(' '), words.slice(at).join(' ')];
  }
  return ['', person.name];
}

/**
 * A yes/no question asking whether one named person holds a role: Yes when the report gives that
 * person those words, No (naming the report's title, and who holds the one asked about) when not.
 */
export function roleQuestion(
  kb: KnowledgeBase,
  toks: readonly Token[],
  words: readonly ResolvedWord[],
): Answer | undefined {
  // "Is X the Y", "was X a Y": a question about what someone is, not what they did. Or the
  // statement put up to be confirmed: "Weimer is the Army chief of staff, right?", "the top
  // commander in Europe is Randy George right?" (either side may be the name).
  const tag = confirmsAtEnd(kb, toks) ? toks.at(-1) : undefined;
  // The statement is its own clause: not "hey quick one," before it.
  const opens = tag ? toks.findLastIndex((t, i) => i < toks.length - 1 && t.afterPunctuation) : -1;
  const said = tag ? toks.slice(Math.max(0, opens), -1) : toks;
  const first = said.find((t) => t.pos !== 'INTJ' && !t.stop) ?? said[0];
  const be = said.find((t) => t.lemma === 'be');
  if (!be || (first && said.indexOf(first) < said.indexOf(be) && !tag)) return undefined;
  // A verb describes someone by what they did ("the first US official to visit Ukraine", "the
  // one who met Zelensky"): a description, which a title does not contradict.
  const predicate = said.slice(said.indexOf(be) + 1);
  if ((tag ? said : predicate).some((t) => t.pos === 'VERB')) return undefined;
  // "The only envoy", "the sole spokesperson": that no one else is, which no title says.
  if (toks.some((t) => /^(?:only|sole)$/.test(t.normal))) return undefined;
  const roles = rolesOf(kb.index);
  // An adjective the knowledge never uses still makes another title ("prime minister").
  const asked = words.filter(
    (w) =>
      (!w.filler || w.pos === 'NOUN' || w.pos === 'ADJ') &&
      (!tag ||
        (normalize(w.typed) !== normalize(tag.text) && said.some((t) => normalize(t.text) === normalize(w.typed)))),
  );
  const named = roles.people.filter((p) => asked.some((w) => p.name.has(w.term)));
  if (named.length !== 1) return undefined;
  const [{ person, name, role, title }] = named as [(typeof named)[number]];
  // Nor is a place or company after a preposition ("is Driscoll in Ukraine", "was Gen. Randy
  // George on the trip"), past the name and the title it opens with.
  const after = predicate.filter((t) => t.pos !== 'DET');
  const ofName = (t: Token) => {
    const term = termOf(normalize(t.text), kb.index.synonyms);
    return name.has(term) || title.has(term);
  };
  let k = 0;
  while (k < after.length && ofName(after[k]!)) k++;
  if (after[k]?.pos === 'ADP') return undefined;
  // "Is X described as / called a Y" asks the same of the report's words for them.
  const telling = tellingTerms(kb.index.synonyms);
  const rest = asked.filter((w) => !name.has(w.term) && !telling.has(w.term));
  // Mostly words of titles ("secretary", "defence", "chief"): a question about a title.
  const titled = rest.filter((w) => roles.vocabulary.has(w.term));
  if (rest.length === 0 || titled.length * 2 < rest.length) return undefined;
  // A nationality ("is Driscoll American") is no title when theirs names no country at all:
  // "Army Secretary" says nothing either way; unless someone else holds the title with that
  // nationality ("is Witkoff the Russian envoy": Dmitriev is the Russian Special Envoy).
  const namesCountry = contentWords(person.role, kb.index.synonyms).some((w) => isDemonym(w.word) || isPlace(w.word));
  const holders = roles.people.filter((p) => p.person !== person && rest.every((w) => p.role.has(w.term)));
  const ofTitle = rest.some((w) => !isDemonym(w.typed) && !isPlace(w.word));
  if (toks.some((t) => isDemonym(t.text)) && !namesCountry && !(ofTitle && holders.length > 0)) return undefined;
  const source = person.sources[0];
  if (rest.every((w) => role.has(w.term))) {
    return answered(person, `Yes. ${person.answer}`, 1);
  }
  // One holder by role: "X is the one it calls <role>". Several, or a title in their names
  // ("general" of "Gen. Randy George"): the names, without pretending their role is the word asked.
  const [only] = holders;
  const byRole = only && holders.length === 1 && !rest.some((w) => only.title.has(w.term));
  // Each with the title the report gives them: "that title" would read as the title just named.
  const holding = holders.slice(0, MAX_SUGGESTIONS).map((p) => `${p.person.name} ${p.person.role}`);
  const also = byRole
    ? ` ${only.person.name} is the one it calls ${only.person.role}.`
    : holding.length
      ? ` It calls ${listOf(holding)}.`
      : '';
  const text = `No. The report calls ${person.name} ${person.role}.${also}`;
  return {
    ...answered(person, text, 1),
    sources: [
      ...(source ? [source] : []),
      ...holders.slice(0, MAX_SUGGESTIONS).flatMap((p) => p.person.sources.slice(0, 1)),
    ],
  };
}

/**
 * "What is Witkoff's role", "driscolls job?", "the rank of Weimer": a field of one person's profile,
 * asked by their name and nothing else: their profile, which gives it.
 */
export function profileField(
  kb: KnowledgeBase,
  words: readonly ResolvedWord[],
  story: string | undefined,
): Answer | undefined {
  if (!words.some((w) => PROFILE_FIELDS.has(w.word))) return undefined;
  const rest = words.filter((w) => !w.filler && !QUESTION_WORDS.has(w.term) && !PROFILE_FIELDS.has(w.word));
  const people = rolesOf(kb.index).people.filter(
    (p) => (!story || p.person.story === story) && rest.length > 0 && rest.every((w) => p.name.has(w.term)),
  );
  return people.length === 1 ? fromEntry('ask', people[0]!.person, 1) : undefined;
}

/** "Who is the army secretary": the one person whose role holds every word asked. */
export function holderOf(kb: KnowledgeBase, words: readonly ResolvedWord[]): PersonEntry | undefined {
  const found = roleHolders(kb, words);
  return found?.holders.length === 1 ? found.holders[0] : undefined;
}

/**
 * Asked who holds a role, in words that are all words of roles the report gives: the people whose
 * role holds every one ("who is the president": three of them), and those whose role holds most.
 * Undefined when the question is about something else ("who leads the talks").
 */
function roleHolders(
  kb: KnowledgeBase,
  words: readonly ResolvedWord[],
): { holders: PersonEntry[]; near: PersonEntry[] } | undefined {
  const roles = rolesOf(kb.index);
  // Words of the telling ("the spokesperson quoted", "the envoy mentioned") name no role.
  const telling = tellingTerms(kb.index.synonyms);
  const asked = words.filter((w) => !w.filler && w.term !== 'who' && !telling.has(w.term));
  if (asked.length === 0 || !asked.some((w) => roles.vocabulary.has(w.term))) return undefined;
  const holders = roles.people.filter((p) => asked.every((w) => p.role.has(w.term))).map((p) => p.person);
  if (holders.length || !asked.every((w) => roles.vocabulary.has(w.term))) return { holders, near: [] };
  const shared = (p: (typeof roles.people)[number]) => asked.filter((w) => p.role.has(w.term)).length;
  const near = roles.people
    .filter((p) => shared(p) > 0)
    .sort((a, b) => shared(b) - shared(a))
    .map((p) => p.person);
  return { holders, near };
}

/**
 * "Who is the US defence secretary" when no one in the report holds every word of that role: the
 * report names no such person, and a person with half the title is not the answer. Several
 * holders ("who is the president") are offered to choose from.
 */
export function noHolder(kb: KnowledgeBase, words: readonly ResolvedWord[], question: string): Answer | undefined {
  const found = roleHolders(kb, words);
  if (!found || found.holders.length === 1) return undefined;
  const choices = (found.holders.length ? found.holders : found.near).slice(0, MAX_SUGGESTIONS).map((p) => ({
    id: p.id,
    title: `${p.name}: ${p.role}`,
    story: p.story,
  }));
  if (found.holders.length > 1) return askBack('ask', 'The report gives that title to several people:', choices, 1);
  if (found.near.length === 0) return undefined;
  const role = clip(question.replace(/^\W*who\W+(?:is|was|s)?\s*(?:the\s+)?/i, '').replace(/[?.!\s]+$/, ''), 60);
  return decline('ask', `The report doesn't name anyone as ${role}. The people with titles like it:`, choices);
}

function answered(person: PersonEntry, text: string, confidence: number): Answer {
  return {
    status: 'answered',
    lookup: 'ask',
    answer: text,
    text,
    sources: [...person.sources],
    confidence,
    entry: person.id,
    suggestions: [],
    conflict: false,
    missing: null,
    story: null,
  };
}

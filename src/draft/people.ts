import nlp from 'compromise';
import { terms, type Term } from './nlp.js';
import { spanIn, type Sentence, type Span } from './sentences.js';

/**
 * The people a report names, each with the role it gives them and the names people will type.
 *
 * compromise tags words, but its own people() merges lists ("Randy George, Gen. Chris Donahue"),
 * keeps titles inside names ("Secretary Dan Driscoll") and misses names it does not know
 * ("Denys Shmyhal"). So names are read here from its tags and its lexicon, one capitalised run at a
 * time (a comma always ends a run, so a list is never one name):
 *   - the last word of a run is the surname; earlier words belong to the name while they are first
 *     names in compromise's lexicon or words it does not know, up to and including a first name;
 *   - the word after an abbreviated honorific ("Gen.", "Col.") always starts a name;
 *   - a run is a person when its name has two words and a known first or last name, or follows a
 *     title ("Minister Denys Shmyhal"); a lone word is a person when it is the surname of one.
 * The role is what precedes the name in the same phrase ("Army Secretary"), or else an appositive
 * after it ("Steve Witkoff, President Donald Trump’s special envoy").
 */
export interface Person {
  id: string;
  name: string;
  surname: string;
  role: string | null;
  honorific: string | null;
  /** The words the role was read from, verbatim ("Army Secretary Dan Driscoll"). */
  roleSpan: Span | null;
  aliases: string[];
  /** Every sentence that names the person, in report order (a sentence once). */
  sentences: Sentence[];
}

const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | undefined> } }).one.lexicon;
const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName']);
const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
const NOT_NAME_TAGS = ['Place', 'Country', 'City', 'Region', 'Organization', 'Demonym', 'Date', 'Month', 'WeekDay'];
/** Words that may sit inside a title between capitalised words ("Chief of Staff", "Sergeant Major of the Army"). */
const TITLE_JOINERS = new Set(['of', 'the', 'for']);
const ROLE_STOP_TAGS = [
  'Determiner',
  'Verb',
  'Preposition',
  'Pronoun',
  'Conjunction',
  'Adverb',
  'Value',
  'QuestionWord',
];

const isCapitalised = (t: Term) => /^\p{Lu}/u.test(t.text);
const bare = (t: Term) => t.text.replace(/['’]s$/, '');
const lexTag = (t: Term) => lexicon[bare(t).toLowerCase()];
const isFirstName = (t: Term) => FIRST_NAME_TAGS.has(lexTag(t) ?? '') || t.tags.has('FirstName');
const isHonorific = (t: Term) =>
  t.tags.has('Abbreviation') && /^\p{Lu}[a-z]{1,4}$/u.test(t.text) && t.post.startsWith('.');
const endsPhrase = (t: Term) => /[,;:—–()"“”]/.test(t.post);
const hasAny = (t: Term, tags: readonly string[]) => tags.some((tag) => t.tags.has(tag));

/** Could this word be part of a person's name (rather than a title or an ordinary word)? */
function nameLike(t: Term): boolean {
  if (!isCapitalised(t) || hasAny(t, NOT_NAME_TAGS)) return false;
  if (/^\p{Lu}{2,3}$/u.test(t.text)) return true; // initials: "JD Vance"
  if (t.tags.has('Abbreviation')) return false;
  const tag = lexTag(t);
  // A word the lexicon knows as a name, or one compromise reads as a first or last name here ("Lee").
  return (
    tag === undefined || tag === 'Person' || NAME_TAGS.has(tag) || t.tags.has('FirstName') || t.tags.has('LastName')
  );
}

interface Mention {
  sentence: Sentence;
  name: Term[];
  title: Term[];
  honorific: Term | null;
  appositive: Span | null;
}

function mentionsIn(sentence: Sentence): Mention[] {
  const words = terms(sentence.text);
  const found: Mention[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    const afterHonorific = i > 0 && isHonorific(words[i - 1]!) && isCapitalised(w);
    if (!(nameLike(w) || afterHonorific) || isHonorific(w)) {
      i++;
      continue;
    }
    // The name runs forward while words are name-like and no punctuation intervenes.
    let end = i;
    while (
      end + 1 < words.length &&
      !endsPhrase(words[end]!) &&
      !/['’]s$/.test(words[end]!.text) &&
      nameLike(words[end + 1]!)
    )
      end++;
    // Backward from the surname: a first name starts the name; an honorific before it ends it.
    let start = end;
    while (start > i && (start === end || !isFirstName(words[start]!))) start--;
    if (!isFirstName(words[start]!)) start = i;
    const name = words.slice(start, end + 1);
    const before = words[start - 1];
    const honorific = before && isHonorific(before) ? before : null;
    const title = titleBefore(words, honorific ? start - 1 : start);
    const named = name.length >= 2 && name.some((t) => NAME_TAGS.has(lexTag(t) ?? '') || t.tags.has('Person'));
    if (named || (name.length >= 2 && (honorific || title.length > 0)) || name.length === 1) {
      found.push({
        sentence,
        name,
        title,
        honorific,
        appositive: title.length ? null : appositiveAfter(sentence, words, end),
      });
    }
    i = end + 1;
  }
  return found;
}

/** The title words right before a name, back to the start of the phrase. */
function titleBefore(words: readonly Term[], nameStart: number): Term[] {
  let k = nameStart - 1;
  const title: Term[] = [];
  while (k >= 0) {
    const t = words[k]!;
    if (endsPhrase(t) || /['’]s$/.test(t.text)) break;
    const joiner = isJoiner(words, k) && title.some(isCapitalised);
    if (
      !joiner &&
      (hasAny(t, ROLE_STOP_TAGS) || (!isCapitalised(t) && !t.tags.has('Noun') && !t.tags.has('Adjective')))
    )
      break;
    if (!joiner && !isCapitalised(t) && !hasAny(t, ['Noun', 'Actor', 'Adjective'])) break;
    title.unshift(t);
    k--;
  }
  // A title is the phrase's head noun and what qualifies it: drop a leading sentence word that is
  // no title at all ("Though"), and a phrase with no title word in it (a lone adjective).
  while (title.length && TITLE_JOINERS.has(title[0]!.text.toLowerCase())) title.shift();
  return title.length && hasAny(title.at(-1)!, ['Noun', 'Actor', 'Honorific']) ? title : [];
}

/** "of", "of the" between two capitalised words of a title. */
function isJoiner(words: readonly Term[], k: number): boolean {
  let j = k;
  while (j >= 0 && TITLE_JOINERS.has(words[j]!.text)) j--;
  return j < k && j >= 0 && isCapitalised(words[j]!) && !endsPhrase(words[j]!);
}

/** "Steve Witkoff, President Donald Trump’s special envoy and ..." -> "President Donald Trump’s special envoy". */
function appositiveAfter(sentence: Sentence, words: readonly Term[], nameEnd: number): Span | null {
  const last = words[nameEnd]!;
  if (!/^\s*[,—–]/.test(last.post)) return null;
  const from = last.end + last.post.length;
  const rest = sentence.text.slice(from);
  const stop = rest.search(/[,;—–]|\s(?:and|but|who|has|have|had|is|was|said)\s/);
  const phrase = (stop < 0 ? rest : rest.slice(0, stop)).trim();
  const wordCount = phrase.split(/\s+/).length;
  if (!phrase || wordCount > 12 || !/^(?:the|a|an)\s|^\p{Lu}\S*(?:\s\p{Lu}\S*)*['’]s\s/iu.test(phrase)) return null;
  const at = sentence.text.indexOf(phrase, from);
  return spanIn(sentence, at, at + phrase.length);
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function findPeople(sentences: readonly Sentence[]): Person[] {
  const mentions = sentences.flatMap(mentionsIn);
  const people = new Map<string, Person>();
  // Full names first, so that a lone surname anywhere (even before the full name) finds its person.
  for (const m of mentions.filter((m) => m.name.length >= 2)) {
    const name = m.name.map(bare).join(' ');
    const id = slug(name);
    let p = people.get(id);
    if (!p) {
      p = {
        id,
        name,
        surname: bare(m.name.at(-1)!),
        role: null,
        honorific: null,
        roleSpan: null,
        aliases: [],
        sentences: [],
      };
      people.set(id, p);
    }
    addMention(p, m);
  }
  const bySurname = new Map<string, Person[]>();
  for (const p of people.values()) bySurname.set(p.surname, [...(bySurname.get(p.surname) ?? []), p]);
  for (const m of mentions.filter((m) => m.name.length === 1)) {
    const owners = bySurname.get(bare(m.name[0]!));
    // A surname shared by two people names neither for sure.
    if (owners?.length === 1) addMention(owners[0]!, m);
  }
  for (const p of people.values()) {
    p.sentences.sort((a, b) => a.line - b.line || a.start - b.start);
    p.aliases = aliasesOf(p);
  }
  return distinctRoles(dropCollidingAliases([...people.values()]));
}

/**
 * Two people with the same title ("President" Trump and Putin): each role is given with the name,
 * as the report writes it ("President Donald Trump"), so that the title alone names neither.
 */
function distinctRoles(people: Person[]): Person[] {
  const count = new Map<string, number>();
  for (const p of people) if (p.role) count.set(p.role.toLowerCase(), (count.get(p.role.toLowerCase()) ?? 0) + 1);
  for (const p of people) if (p.role && count.get(p.role.toLowerCase())! > 1) p.role = `${p.role} ${p.name}`;
  return people;
}

function addMention(p: Person, m: Mention): void {
  if (!p.sentences.includes(m.sentence)) p.sentences.push(m.sentence);
  if (m.honorific && !p.honorific) p.honorific = `${m.honorific.text}.`;
  if (p.role) return;
  const first = m.title[0] ?? m.honorific ?? m.name[0]!;
  const lastName = m.name.at(-1)!;
  if (m.title.length) {
    p.role = m.title.map((t) => t.text).join(' ');
    p.roleSpan = spanIn(m.sentence, first.start, lastName.end);
  } else if (m.appositive) {
    p.role = m.appositive.text;
    p.roleSpan = {
      ...m.appositive,
      start: m.sentence.start + first.start,
      text: m.sentence.text.slice(first.start, m.appositive.end - m.sentence.start),
    };
  }
}

function aliasesOf(p: Person): string[] {
  const aliases = new Set<string>([p.surname]);
  if (p.honorific) aliases.add(`${p.honorific} ${p.surname}`);
  // A title as the report gives it, with the surname ("Army Secretary Driscoll"), unless the role
  // is a description ("the top U.S. Army commander in Europe", "Trump’s special envoy").
  const titled = p.role && !/^(?:the|a|an)\s|['’]s\s/i.test(p.role) && p.role.split(/\s+/).length <= 5;
  if (titled) {
    aliases.add(`${p.role} ${p.surname}`);
    aliases.add(`${p.role} ${p.name}`);
  }
  aliases.delete(p.name);
  return [...aliases];
}

/** An alias that could name two people of the report names neither: dropped, not guessed. */
function dropCollidingAliases(people: Person[]): Person[] {
  const count = new Map<string, number>();
  for (const p of people)
    for (const a of new Set([p.name, ...p.aliases].map((x) => x.toLowerCase()))) count.set(a, (count.get(a) ?? 0) + 1);
  for (const p of people) p.aliases = p.aliases.filter((a) => count.get(a.toLowerCase()) === 1);
  return people;
}

import { stemmer } from 'stemmer';

/**
 * Text normalisation shared by indexing and querying, so that both sides meet in the same form:
 * case, accents, curly vs straight quotes, dashes, possessives, "U.S.", and British/American
 * spellings all fold to one spelling before anything is compared.
 */

/** Question words kept as terms: "when" asked of a "what" answer is a different question. */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(['who', 'when', 'why', 'where', 'how']);

/**
 * Words that carry no subject. Deliberately generous with the filler people type around a
 * question ("hey bot, can you tell me..."), so that an unknown word left over is a real subject.
 */
const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any anyone anything are aren arent as at be
  because been before being below between both but by can cant could couldnt did didnt do does doesnt
  doing done dont down during each either else even ever every few for from further get gets getting
  give given go goes going gone gonna got had hadnt has hasnt have havent having he her here hers
  herself him himself his i id if im in into is isnt it its itself ive just know let lets like ll
  look me might mine more most much must my myself need no nor not now of off ok okay on once one
  only or other our ours ourselves out over own please pls plz re really right s said say says same
  she should shouldnt so some something such t tell than thank thanks that thats the their theirs them
  themselves then there theres these they thing things think this those though through thx to too
  under until up very ve want wanna was wasnt way we were werent what whats which while whom whose
  with wont would wouldnt you youd your yours yourself yourselves yo hey hi hello bot storybot yeah yes
  yep guys guy dude pal kind sort actually basically exactly currently anyway btw lol pls explain
  mean means meant happen happened happening happens will shall
  can't isn't innit don't bro bruh lmao lol omg pls list exactly
  tbh ngl imo imho idk smh fr rn irl afaik iirc lmk fyi tho ofc lowkey highkey istg`
    .split(/\s+/)
    .filter(Boolean),
);

/** One of the words people type around a question that carry no subject ("really", "pls"). */
export function isFiller(word: string): boolean {
  return STOPWORDS.has(word);
}

/**
 * Words about the report and its telling rather than the story ("is he *described* as…", "what
 * does the *article* say", "the last *paragraph*"): they ask nothing of an entry, no entry needs
 * to hold them, and they are never a subject the report is said not to mention.
 */
const TELLING_WORDS = [
  'report',
  'story',
  'article',
  'describe',
  'mention',
  'refer',
  'call',
  'quote',
  // Its layout: "the last paragraph", "the headline", "line 3".
  'paragraph',
  'headline',
  'sentence',
  'line',
];
const tellingCache = new WeakMap<Synonyms, ReadonlySet<string>>();
export function tellingTerms(synonyms: Synonyms): ReadonlySet<string> {
  let terms = tellingCache.get(synonyms);
  if (!terms) {
    terms = new Set(TELLING_WORDS.map((w) => termOf(w, synonyms)));
    tellingCache.set(synonyms, terms);
  }
  return terms;
}

/** A word as the knowledge's terms are spelt: "russian" is "russia", "defense" is "defence". */
export function foldVariant(word: string): string {
  return VARIANTS.get(word) ?? word;
}

/** Spelling variants folded to the form the report uses. */
const VARIANTS: ReadonlyMap<string, string> = new Map([
  ['defense', 'defence'],
  ['defenses', 'defences'],
  ['usa', 'us'],
  ['america', 'us'],
  ['american', 'us'],
  ['americans', 'us'],
  ['washington', 'washington'],
  ['russian', 'russia'],
  ['russians', 'russia'],
  ['ukrainian', 'ukraine'],
  ['ukrainians', 'ukraine'],
  ['european', 'europe'],
  ['europeans', 'europe'],
  ['zelenskyy', 'zelensky'],
  ['zelenskiy', 'zelensky'],
  ['zelenski', 'zelensky'],
  ['kiev', 'kyiv'],
  ['spokesman', 'spokesperson'],
  ['spokeswoman', 'spokesperson'],
  ['talk', 'talks'],
  ['negotiation', 'negotiations'],
  ['tldr', 'summary'],
  ['hows', 'how'],
  ['whos', 'who'],
  ['whens', 'when'],
  ['wheres', 'where'],
  ['whys', 'why'],
  ['summarize', 'summary'],
  ['summarise', 'summary'],
  ['gen', 'general'],
  ['col', 'colonel'],
]);

/**
 * The calendar's abbreviations spelt out, as the report writes them ("in oct" is "in October",
 * "on wed" "on Wednesday"), so that they are the day or month they stand for everywhere a
 * question is read. Not those that are words too: "mar", "sat", "sun", "jan", "mon".
 */
export function withCalendarSpelledOut(text: string): string {
  return text.replace(CALENDAR_SHORT, (_, short: string) => CALENDAR[short.toLowerCase()]!);
}
const CALENDAR: Readonly<Record<string, string>> = {
  feb: 'February',
  apr: 'April',
  jun: 'June',
  jul: 'July',
  aug: 'August',
  sep: 'September',
  sept: 'September',
  oct: 'October',
  nov: 'November',
  dec: 'December',
  tue: 'Tuesday',
  tues: 'Tuesday',
  wed: 'Wednesday',
  weds: 'Wednesday',
  thu: 'Thursday',
  thur: 'Thursday',
  thurs: 'Thursday',
  fri: 'Friday',
};
const CALENDAR_SHORT = new RegExp(`\\b(${Object.keys(CALENDAR).join('|')})\\b\\.?`, 'gi');

/** Lower-case, strip accents, fold quotes, dashes and punctuation to spaces. */
export function normalize(text: string): string {
  // Most text is plain ASCII: the same folding, without the Unicode passes that cannot change it
  // (indexing normalises every phrasing and answer, so this is most of a knowledge load).
  if (ASCII.test(text)) return normalizeAscii(text);
  // Typographic quotes, dashes and spaces are common in reports; folded first, as the Unicode
  // path would fold them, much English text is ASCII too.
  const plain = text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/[\u2013\u2014]/g, '\x01')
    .replace(/\u00a0/g, ' ')
    .replace(/\u2026/g, '...');
  return ASCII.test(plain) ? normalizeAscii(plain) : normalizeUnicode(text);
}

// The ASCII range, NUL included; a plain class is several times faster than /\p{ASCII}/u here.
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

function normalizeAscii(text: string): string {
  // Each pass only where its text can be: a scan for a letter pair costs a fraction of a regex
  // pass, and most texts have no "u.", no "tl", no apostrophe.
  let folded = text.toLowerCase();
  if (folded.includes('`')) folded = folded.replace(/`/g, "'");
  if (folded.includes('u.')) folded = folded.replace(/\bu\.\s?s\.?(?![a-z])/g, 'us ');
  if (folded.includes('united states')) folded = folded.replace(/\bunited states\b/g, 'us');
  if (folded.includes('tl')) folded = folded.replace(/\btl\s*;?\s*dr\b/g, 'tldr');
  if (folded.includes("'")) folded = folded.replace(/'s\b/g, '').replace(/'/g, '');
  folded = folded.replace(/[^a-z0-9]+/g, ' ');
  return (/\d/.test(folded) ? folded.replace(/(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/g, ' ') : folded).trim();
}

export function normalizeUnicode(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
      .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
      // "U.S." and "U.S.-Russia" before dots become separators.
      .replace(/\bu\.\s?s\.?(?![a-z])/g, 'us ')
      .replace(/\bunited states\b/g, 'us')
      .replace(/\btl\s*;?\s*dr\b/g, 'tldr')
      // Possessives and contractions: "Trump's" -> "trump", "don't" -> "dont".
      .replace(/'s\b/g, '')
      .replace(/'/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      // "F35" is "F-35", "28point" is "28-point": letters and digits written together are two words.
      .replace(/(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/gu, ' ')
      .trim()
  );
}

/** Stemmed term -> the term of its synonym group's first word. */
export type Synonyms = ReadonlyMap<string, string>;

/** Builds the synonym folding from groups of words that mean the same ("deal", "agreement"). */
export function synonymsOf(groups: readonly (readonly string[])[]): Synonyms {
  const map = new Map<string, string>();
  for (const group of groups) {
    const canonical = termOf(normalize(group[0] ?? ''));
    for (const word of group) map.set(termOf(normalize(word)), canonical);
  }
  return map;
}

/** One searchable term: a normalized word, with its spelling variant folded, stemmed, and its synonym folded. */
export function termOf(word: string, synonyms?: Synonyms): string {
  if (QUESTION_WORDS.has(word)) return word;
  const folded = VARIANTS.get(word) ?? word;
  const stem = /^\d+$/.test(folded) ? folded : stemmer(folded);
  return synonyms?.get(stem) ?? stem;
}

export interface QueryWord {
  /** The word as normalized, before stemming (used to name what is missing). */
  word: string;
  term: string;
}

/** The distinct terms of a text's content words. */
export function termSet(text: string, synonyms?: Synonyms): Set<string> {
  return new Set(contentWords(text, synonyms).map((w) => w.term));
}

/** Words of a text that carry meaning, with their terms. Question words are kept. */
export function contentWords(text: string, synonyms?: Synonyms): QueryWord[] {
  const words: QueryWord[] = [];
  for (const raw of normalize(text).split(' ')) {
    const word = contentWord(raw);
    if (word !== undefined) words.push({ word, term: termOf(word, synonyms) });
  }
  return words;
}

/** A normalised word as the index keeps it (its spelling variant folded), or undefined when it carries no meaning. */
function contentWord(raw: string): string | undefined {
  const word = VARIANTS.get(raw) ?? raw;
  if (!word) return undefined;
  if (!QUESTION_WORDS.has(word) && (STOPWORDS.has(word) || (word.length < 2 && !/\d/.test(word)))) return undefined;
  return word;
}

/** What `TermMemo` remembers of a normalised word: its content word and term, or null for none. */
export type TermMemo = Map<string, { word: string; term: string } | null>;

/**
 * The distinct terms of a text already normalised, as `contentWordsOf` finds them, for indexing:
 * `memo` remembers each raw word across calls (a large knowledge repeats the same words thousands
 * of times), and `onWord` hears each content word the first time the memo meets it (and the
 * raw word too, when its spelling variant folds it to another).
 */
export function distinctTermsOf(
  normalized: string,
  synonyms: Synonyms | undefined,
  memo: TermMemo,
  onWord: (word: string, term: string) => void,
): string[] {
  const terms: string[] = [];
  for (const raw of normalized.split(' ')) {
    let known = memo.get(raw);
    if (known === undefined) {
      const word = contentWord(raw);
      known = word === undefined ? null : { word, term: termOf(word, synonyms) };
      memo.set(raw, known);
      if (known) onWord(known.word, known.term);
      // And as written, where its spelling variant is folded ("ukrainian" to "ukraine"): a typo
      // is of the word as written ("ukranian").
      if (known && raw !== known.word) onWord(raw, known.term);
    }
    if (known && !terms.includes(known.term)) terms.push(known.term);
  }
  return terms;
}

/**
 * Where in the report something is ("the agency credited at the end", "the F-35 thing at the
 * bottom"): the report's layout, not the story's. Left out, so that "end" is not the end of the war.
 */
export function withoutLayout(text: string): string {
  return text
    .replace(LAYOUT, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
const LAYOUT =
  /\b(?:at|in|near|towards?|on)\s+the\s+(?:very\s+)?(?:end|bottom|top|beginning|start)\b(?:\s+of\s+(?:the|this)\s+(?:article|report|story|piece|text|page|post)\b|(?!\s+of\b))/gi;

/**
 * "Does the article say when the meeting was", "do you know who leads the talks": a wh-question
 * asked about the report, not a yes/no question; the wh-question is what is asked.
 */
export function withoutAskingAbout(text: string): string {
  return text
    .replace(ASKING_ABOUT, '')
    .replace(PER_THE_REPORT, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
/**
 * "According to CNN, is the effort secret?": the question, with whom it asks about put after it
 * ("is the effort secret according to CNN?"), as the question is read from its opening words.
 */
export function withAccordingLast(text: string): string {
  const m = /^\W*(according\s+to\s+[^,?]+?)\s*,\s*(.+?)\s*([?.!]*)$/isu.exec(text);
  return m ? `${m[2]} ${m[1]}${m[3]}` : text;
}

/** "…, according to the report", "as per the article": where the answer is to come from, as always. */
const PER_THE_REPORT =
  /,?\s*\b(?:according\s+to|as\s+per|per)\s+(?:the|this|that|ur|your)\s+(?:report|article|story|piece|text|news)\b\s*,?/gi;
const ASKING_ABOUT =
  /^\W*(?:does|did|do|can|could)\s+(?:the\s+|this\s+)?(?:article|report|story|piece|it|this|you|u)\s+(?:\w+\s+)?(?:say|says|mention|tell|know|explain|state|specify)\s+(?:(?:us|me)\s+)?(?=(?:who|what|when|where|why|how|which)\b)/i;

/**
 * "Is it true that Driscoll went to Kyiv", "can you confirm that…": a statement put up to be
 * confirmed, asked as the tag question it is ("Driscoll went to Kyiv, right?"), so that its own
 * words are the premises; "true" and "confirm" are about the asking.
 */
export function asTagQuestion(text: string): string {
  const m = CONFIRM.exec(text) ?? HEARSAY.exec(text);
  return m ? `${m[1]!.replace(/[?.!\s]+$/u, '')}, right?` : text;
}
/**
 * What someone the asker knows says, put up to be checked: "my uncle says the whole thing was
 * Vance's idea…, is he right?" asks whether the whole thing was Vance's idea.
 */
const HEARSAY =
  /^\W*(?:(?:ok|okay|so|well|hey)\W+)*(?:my|a|one)\s+(?:\w+\s+){0,2}?(?:says|said|thinks|claims|reckons|told\s+me)\s+(?:that\s+)?(.+?)[\s,.;:-]+(?:is|was|are)\s+(?:he|she|they|that|it|this)\s+(?:right|correct|true)\W*$/isu;
const CONFIRM =
  /^\W*(?:(?:is|was|isn'?t)\s+it\s+(?:really\s+)?(?:true|correct|right|the case|a fact)\s+that|(?:(?:can|could)\s+(?:you|u)\s+|(?:kindly|please|pls|plz)\s+)(?:confirm|verify|check)\s+(?:that|whether|if)?)\s+(.+)$/isu;

/**
 * The statement a "do you think…" question asks a view of ("u think Driscoll went to Kyiv on
 * Wednesday?": "Driscoll went to Kyiv on Wednesday"), or undefined.
 */
export function viewedStatement(text: string): string | undefined {
  return VIEWED.exec(text)?.[1]?.replace(/[?.!\s]+$/u, '');
}
const VIEWED =
  /^\W*(?:(?:do|did|would)\s+)?(?:you|u|ya)\s+(?:really\s+)?(?:think|reckon|believe|guess|feel)\s+(?:that\s+)?(.+)$/isu;

/** Leading greetings and command words people type before the question itself. */
export function stripPreamble(text: string): string {
  const plain = text
    .replace(/^\s*(?:(?:hey|hi|hello|yo|ok|okay)\s*,?\s*)?(?:(?:story)?bot\b\s*[,:!]?\s*)?/i, '')
    .replace(/^\s*(?:(?:can|could|would) you\s+)?(?:please\s+)?(?:tell me|explain|show me)\s*/i, '')
    .trim();
  // "…i was reading this on my phone and wanted to know who Dan Driscoll is": the question is
  // the one embedded after the last such frame.
  const frames = [...plain.matchAll(EMBEDDING)];
  const last = frames.at(-1);
  const embedded = last ? plain.slice(last.index + last[0].length).trim() : plain;
  // "sorry if this is a dumb q but who is…": an apology or aside that asks nothing, then "but".
  const aside = ASIDE_THEN_QUESTION.exec(embedded);
  return aside && !/\b(?:who|what|when|where|why|how|which)\b/i.test(aside[1]!)
    ? embedded.slice(aside[0].length)
    : embedded;
}
const ASIDE_THEN_QUESTION =
  /^(.+?)[,;]?\s+but\s+(?=(?:who|whom|what|whats|when|where|why|how|which|is|are|was|were|do|does|did|has|have|can|could)\b)/iu;
/**
 * A frame a question is embedded in, up to its wh-word: "(i) wanted to know", "would like to
 * understand", "kindly inform me", "please let me know", "do you know", "any idea".
 */
const EMBEDDING =
  /\b(?:(?:want|wanted|wanna|would\s+like|'d\s+like|like|trying|need|needed|wish|hoping)\s+to\s+(?:know|understand|find\s+out|ask|learn)|(?:kindly|please|pls|plz)\s+(?:inform|tell|let)\s+(?:me|us)(?:\s+know)?|(?:do|does|did)\s+(?:you|u|anyone)\s+know|any\s*idea|i\s+wonder|i\s+was\s+wondering|curious)\s*,?\s*(?:about\s+)?(?=(?:who|what|when|where|why|how|which|whether)\b)/giu;

/**
 * Edit distance counting a swap of two neighbouring letters as one edit ("tlaks" is one typo from
 * "talks"), which plain Levenshtein counts as two. Stops early past `max`.
 */
export function typoDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** "A", "A and B", "A, B and C". */
export function listOf(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
}

/** Cuts text to at most `max` characters, marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

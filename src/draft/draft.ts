import { stringify } from 'yaml';
import { terms } from './nlp.js';
import { draftGaps, UNNAMED_SOURCE, type GapInput } from './gaps.js';
import { findPeople, type Person } from './people.js';
import { questionsFor } from './questions.js';
import { splitSentences, type Sentence } from './sentences.js';
import { findTimes } from './times.js';
import { agencyLabel, attribute, personVoice, type Voice } from './voices.js';

/**
 * A complete story folder drafted from a report: story.yaml, qa.yaml (an entry per sentence),
 * people.yaml and events.yaml, every entry marked `draft: true` until a curator reviews it.
 * Every quote is a verbatim slice of its line, so the loader accepts the folder without edits.
 */
export interface DraftOptions {
  /** The story's folder name and id (kebab-case). */
  slug: string;
  /** The report's headline, when it has one; else the title is its first sentence. */
  headline?: string;
  /** The report's file name in the folder. */
  reportFile?: string;
}

export interface DraftSummary {
  sentences: number;
  people: string[];
  events: string[];
  voices: string[];
  links: number[];
}

export interface StoryDraft {
  /** File name -> contents, report included. */
  files: Record<string, string>;
  summary: DraftSummary;
}

const LINK = /^(?:also read|read more|related|see also)\s*:/i;
/** How readers ask what a story is about: answered by its lead, the first sentence. */
const LEAD_QUESTIONS = ['What is this story about?', 'What happened?', 'Give me a summary of the news', 'tldr'];
const DATELINE = /^(\p{Lu}[\p{Lu} .,'’-]{1,40}?)(?:\s*\(([^)]{1,30})\))?\s*[:—–]\s+/u;
const AGENCY_TAG = /\s*\(([\p{Lu}][\p{L}&. ]{1,20})\)\s*$/u;
const TITLE_MAX = 150;

interface Source {
  line: number;
  quote: string;
  by: string;
}

export function draftStory(report: string, options: DraftOptions): StoryDraft {
  const reportFile = options.reportFile ?? 'report.txt';
  const lines = report.replace(/\r?\n$/, '').split(/\r?\n/);
  const dateline = DATELINE.exec(lines[0] ?? '');
  const links = lines.flatMap((l, i) => (LINK.test(l) ? [i + 1] : []));
  const body = lines.map((l, i) => (links.includes(i + 1) ? '' : l));
  const lastBody = body.filter((l) => l.trim()).at(-1) ?? '';
  const agency = dateline?.[2] ?? AGENCY_TAG.exec(lastBody)?.[1] ?? 'the agency';

  const sentences = splitSentences(body)
    .map((s) => trimSentence(s, dateline?.[0]))
    .filter((s): s is Sentence => s !== undefined);
  const people = findPeople(sentences);
  const timesOf = new Map(sentences.map((s) => [s, findTimes(s, false)]));

  const voices = new Map<string, Voice>();
  const useVoice = (v: Voice): string => {
    const taken = voices.get(v.id);
    if (!taken || taken.label === v.label) {
      voices.set(v.id, v);
      return v.id;
    }
    let n = 2;
    while (voices.has(`${v.id}-${n}`) && voices.get(`${v.id}-${n}`)!.label !== v.label) n++;
    voices.set(`${v.id}-${n}`, { ...v, id: `${v.id}-${n}` });
    return `${v.id}-${n}`;
  };

  const usedPhrasings = new Set<string>();
  const fresh = (list: readonly string[]) =>
    list.filter((q) => {
      const key = q
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
      if (usedPhrasings.has(key)) return false;
      usedPhrasings.add(key);
      return true;
    });
  const ids = new Set<string>();
  const uniqueId = (base: string) => {
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };
  for (const p of people) ids.add(p.id);

  const qa: object[] = [];
  const events: object[] = [];
  const voiceOfSentence = new Map<Sentence, string>();
  const gapTimes: GapInput['times'][number][] = [];
  let lastPerson: Person | null = null;
  let previousSubject: Person | undefined;
  let perLine = 0;
  let prevLine = 0;
  for (const s of sentences) {
    perLine = s.line === prevLine ? perLine + 1 : 1;
    prevLine = s.line;
    const { voice, claim } = attribute(s, s.text, { agency, people, lastPerson });
    const by = useVoice(voice);
    voiceOfSentence.set(s, by);
    const inSentence = people.filter((p) => p.sentences.includes(s));
    const previousPerson = lastPerson;
    if (voice.kind === 'person') lastPerson = people.find((p) => p.id === voice.id) ?? lastPerson;
    else if (inSentence.length) lastPerson = inSentence[0]!;
    const times = timesOf.get(s) ?? [];
    const q = questionsFor(withoutLeadIn(claim), inSentence, times, voice, previousPerson, previousSubject);
    previousSubject = q.about;
    // A news report's first sentence (its lead) says what the story is: readers ask for it so.
    if (s === sentences[0]) {
      q.phrasings.push(...LEAD_QUESTIONS);
      // The outlet that broke the story, when the lead names one.
      if (voice.kind === 'outlet') q.phrasings.push('Who reported this?', `What did ${voice.label} report?`);
    }
    // An unnamed source inside the sentence speaks too: "what did the Russian source say".
    for (const m of s.text.matchAll(UNNAMED_SOURCE)) {
      const who = m[0].trim().replace(/^(?:a|an|one)\s+/i, 'the ');
      q.phrasings.push(`What did ${who} say?`, `How did ${who} describe it?`);
    }
    const source: Source = { line: s.line, quote: s.text, by };
    const answer = plain(s.text);
    // A sentence the report repeats asks what the first did: its question says where it is.
    const phrasings = fresh([q.title, ...q.phrasings]);
    if (phrasings.length === 0)
      phrasings.push(...fresh([`${q.title.replace(/\?$/, '')} (line ${s.line}, sentence ${perLine})?`]));
    qa.push({
      id: uniqueId(`line-${s.line}-${perLine}`),
      question: phrasings[0] ?? q.title,
      phrasings: phrasings.slice(1),
      answer,
      sources: [source],
      draft: true,
    });
    times.forEach((t, i) => {
      gapTimes.push({ time: t, by, asked: q.when[0] });
      const when = fresh(i === 0 ? q.when : [`What about ${t.span.text}?`]);
      events.push({
        id: uniqueId(`when-${slugWords(t.span.text)}`),
        when: t.span.text,
        event: answer,
        precision: t.precision,
        phrasings: when,
        sources: [source],
        draft: true,
      });
    });
  }

  const credit = agencyCredit(lines, body, dateline);
  if (credit) {
    const outlets = [...voices.values()].filter((v) => v.kind === 'outlet' && v.label !== agency).map((v) => v.label);
    qa.push({
      id: uniqueId('news-agency'),
      question: 'Which news agency is this report from?',
      phrasings: fresh([
        'Who is the source of this report?',
        'Where is this news from?',
        `What does ${credit.quote} mean?`,
        ...(credit.line > 1 ? [`What does the ${credit.quote} at the end mean?`] : []),
        `Is this report from ${agency}?`,
        'Which outlets does the report cite?',
      ]),
      answer: `The report is credited to ${agency}, the agency tag ${credit.quote}${outlets.length ? `; it relays ${outlets.join(' and ')}` : ''}.`,
      sources: [{ line: credit.line, quote: credit.quote, by: 'agency' }],
      draft: true,
    });
  }

  const peopleFile = people.map((p) => {
    const sources: Source[] = [];
    if (p.roleSpan) {
      const s = sentences.find(
        (x) => x.line === p.roleSpan!.line && x.start <= p.roleSpan!.start && p.roleSpan!.end <= x.end,
      );
      sources.push({ line: p.roleSpan.line, quote: p.roleSpan.text, by: (s && voiceOfSentence.get(s)) ?? 'agency' });
    }
    for (const s of p.sentences.slice(0, 3)) {
      if (!sources.some((x) => x.line === s.line && s.text.includes(x.quote) && x.quote === s.text)) {
        sources.push({ line: s.line, quote: s.text, by: voiceOfSentence.get(s) ?? 'agency' });
      }
    }
    return {
      id: p.id,
      name: p.name,
      // The role is also how people ask for someone: each role-less person's is their own.
      role: p.role ?? `Named in the report, which gives ${p.name} no role.`,
      aliases: p.aliases,
      summary: personSummary(p, voiceOfSentence),
      sources,
      draft: true,
    };
  });
  // A person who speaks is a voice; the agency always is one, for claims it makes itself.
  useVoice({ id: 'agency', label: agencyLabel(agency), kind: 'agency' });
  for (const p of people) if (voices.has(p.id)) voices.set(p.id, personVoice(p));
  if (links.length) voices.set('link', { id: 'link', label: 'a link to another story', kind: 'source' });

  const timeWords = [...new Set([...timesOf.values()].flat().map((t) => t.span.text))];
  const first = sentences[0];
  const gaps = draftGaps(
    {
      dateline: dateline?.[0],
      firstLine: lines[0] ?? '',
      timeWords,
      times: gapTimes,
      sentences: sentences.map((x) => ({
        sentence: x,
        by: voiceOfSentence.get(x) ?? 'agency',
        named: people.filter((p) => p.sentences.includes(x)).map((p) => p.surname),
      })),
    },
    fresh,
  ).map((g) => ({ ...g, id: uniqueId(g.id) }));
  const story = {
    id: options.slug,
    title: options.headline?.trim() || clipTitle(first ? plain(first.text) : options.slug),
    dateline: dateline?.[1]?.trim() ?? 'none given',
    agency,
    outlets: [
      ...new Set([...voices.values()].filter((v) => v.kind === 'outlet' && v.label !== agency).map((v) => v.label)),
    ],
    published: null,
    published_note: `The report gives no publication date${timeWords.length ? `; its time words (${timeWords.join(', ')}) cannot be pinned to calendar dates` : ''}.`,
    report: reportFile,
    links: links.map((line) => ({ line, note: 'A link to a different story, not a fact of this report.' })),
    voices: Object.fromEntries([...voices.values()].map((v) => [v.id, v.label])),
  };

  return {
    files: {
      'story.yaml': yamlFile(STORY_HEADER, story),
      'qa.yaml': yamlFile(QA_HEADER, qa),
      'people.yaml': yamlFile(PEOPLE_HEADER, peopleFile),
      'events.yaml': yamlFile(EVENTS_HEADER, events),
      'gaps.yaml': yamlFile(GAPS_HEADER, gaps),
      [reportFile]: report,
    },
    summary: {
      sentences: sentences.length,
      people: people.map((p) => p.name),
      events: events.map((e) => (e as { when: string }).when),
      voices: [...voices.values()].map((v) => v.label),
      links,
    },
  };
}

/**
 * What the report says of a person, in its own words: the sentences they speak or begin (they are
 * their subject), else the clause of each sentence that names them ("President Donald Trump's
 * special envoy"), so that a profile does not answer for everything a sentence says about others.
 */
/** The person named in a sentence's first clause as who it is about, not as a modifier ("the Trump administration"). */
function isSubject(p: Person, text: string): boolean {
  const first = text.split(/\s*[,;—–]\s*/)[0]!;
  const words = terms(first.slice(0, 80));
  const at = words.findIndex((t) => t.text === p.surname);
  if (at < 0) return false;
  const next = words[at + 1];
  return !/['’]s$/.test(words[at]!.text) && !(next && next.tags.has('Noun') && !next.tags.has('Verb'));
}

function personSummary(p: Person, voiceOf: ReadonlyMap<Sentence, string>): string {
  const own = p.sentences.filter((s) => voiceOf.get(s) === p.id || isSubject(p, s.text));
  if (own.length)
    return own
      .slice(0, 2)
      .map((s) => plain(s.text))
      .join(' ');
  const clauses = p.sentences.slice(0, 2).map((s) => {
    const clause = s.text.split(/\s*[,;—–]\s*/).find((c) => c.includes(p.surname)) ?? s.text;
    return `${plain(clause).replace(/[.]$/, '')}.`;
  });
  return clauses.join(' ');
}

/** Where the report credits its agency: "(Reuters)" in the dateline, or "(ANI)" at its end, as a verbatim slice. */
function agencyCredit(
  lines: readonly string[],
  body: readonly string[],
  dateline: RegExpExecArray | null,
): { line: number; quote: string } | undefined {
  if (dateline?.[2]) return { line: 1, quote: `(${dateline[2]})` };
  for (let i = body.length - 1; i >= 0; i--) {
    if (!body[i]!.trim()) continue;
    const tag = AGENCY_TAG.exec(body[i]!);
    if (!tag) return undefined;
    const quote = tag[0].trim();
    return lines[i]!.includes(quote) ? { line: i + 1, quote } : undefined;
  }
  return undefined;
}

/** The sentence without the dateline before it or the agency's tag after it: still a slice of the line. */
function trimSentence(s: Sentence, dateline: string | undefined): Sentence | undefined {
  let { start, text } = s;
  if (dateline && s.line === 1 && s.start === 0 && text.startsWith(dateline)) {
    start += dateline.length;
    text = text.slice(dateline.length);
  }
  const tag = AGENCY_TAG.exec(text);
  if (tag) text = text.slice(0, tag.index);
  text = text.trim();
  if (!/\p{L}{2}/u.test(text) || AGENCY_TAG.test(` ${text}`)) return undefined;
  const at = s.text.indexOf(text, start - s.start);
  return { line: s.line, start: s.start + at, end: s.start + at + text.length, text };
}

/**
 * "However, Peskov downplayed..." -> "Peskov downplayed...": a leading connective or adverbial
 * phrase (compromise tags its first word a preposition, adverb or conjunction) is not the claim.
 */
function withoutLeadIn(claim: string): string {
  const comma = claim.indexOf(', ');
  if (comma < 0 || claim.slice(0, comma).split(/\s+/).length > 8) return claim;
  const first = terms(claim)[0];
  const lead = first && ['Preposition', 'Adverb', 'Conjunction'].some((t) => first.tags.has(t));
  return lead ? claim.slice(comma + 2) : claim;
}

/** The answer: the sentence itself, attribution included; "However," and the like dropped. */
function plain(text: string): string {
  const out = text.replace(/^(?:however|meanwhile|but|and|also),\s+/i, '');
  return out.charAt(0).toUpperCase() + out.slice(1);
}

function clipTitle(text: string): string {
  const clean = text.replace(/[.]$/, '');
  if (clean.length <= TITLE_MAX) return clean;
  return `${clean.slice(0, clean.lastIndexOf(' ', TITLE_MAX - 1))}…`;
}

function slugWords(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'time'
  );
}

function yamlFile(header: string, data: unknown): string {
  // No YAML anchors: a curator edits each entry's sources on their own.
  return `${header}\n${stringify(data, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

const DRAFTED =
  '# Drafted by `npm run draft` from the report: every entry has `draft: true` until a curator\n# has checked it (then delete that line). Quotes are verbatim slices of their line.';
const STORY_HEADER = `# The story: what the report is and who speaks in it.\n${DRAFTED}`;
const QA_HEADER = `# Questions and answers, one entry per sentence of the report.\n#   question/phrasings  how a reader would ask; answer  the sentence in plain words; sources  line, quote, by (a voice)\n${DRAFTED}`;
const PEOPLE_HEADER = `# People named in the report, for /who: name, role as the report gives it, aliases, summary, sources.\n${DRAFTED}`;
const GAPS_HEADER = `# What readers ask that the report does not say: answered "the report doesn't say", with the nearest lines.\n#   missing  what the report does not give; note  the honest reply; sources  the lines nearest to it\n${DRAFTED}`;
const EVENTS_HEADER = `# Time expressions, for /when: when (the report's own words), event, precision (never a date the report does not give).\n${DRAFTED}`;

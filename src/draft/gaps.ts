import nlp from 'compromise';
import { forNlp } from './nlp.js';
import type { Sentence } from './sentences.js';
import type { TimeExpression } from './times.js';

/**
 * What a report does not say, drafted from its structure: entries in gaps.yaml, which the bot
 * answers with "the report doesn't say" and the nearest lines as evidence. Three kinds every news
 * report has: its publication date (when none is given), the calendar date behind a time word that
 * pins none ("Wednesday", "this week"), and the name of a source it leaves unnamed ("a source
 * familiar with the discussions"). Each note says only what is true of the report.
 */
export interface Gap {
  id: string;
  question: string;
  phrasings: string[];
  missing: string;
  note: string;
  sources: { line: number; quote: string; by: string }[];
  draft: true;
}

export interface GapInput {
  /** The dateline as written ("WASHINGTON:"), when the report has one. */
  dateline: string | undefined;
  firstLine: string;
  timeWords: readonly string[];
  times: readonly { time: TimeExpression; by: string; asked: string | undefined }[];
  /** Each sentence, its voice, and the surnames of the people it names. */
  sentences: readonly { sentence: Sentence; by: string; named: readonly string[] }[];
}

/** A time word that pins no calendar date says so in its precision; a length of time is not a date at all. */
const NO_DATE = /no date|no day|Counted from/;
export const UNNAMED_SOURCE =
  /\b(?:a|an|one)\s+(?:[\p{L}-]+\s+)?sources?\b(?:\s+(?:familiar with|close to|with knowledge of|briefed on)(?:\s+(?!said\b|told\b)[\p{L}-]+){1,3})?/giu;

export function draftGaps(input: GapInput, fresh: (list: readonly string[]) => string[]): Gap[] {
  const gaps: Gap[] = [];
  const anchor = input.dateline?.trim() || input.firstLine.split(/\s+/).slice(0, 6).join(' ');
  gaps.push({
    id: 'publication-date',
    question: 'When was this report published?',
    phrasings: fresh([
      'What is the date of this article?',
      'When was this written?',
      'What date is the report from?',
      'How old is this news?',
    ]),
    missing: 'a publication date',
    note: `The report gives no publication date${input.timeWords.length ? `; its time words (${input.timeWords.map((w) => `“${w}”`).join(', ')}) are not tied to calendar dates` : ''}.`,
    sources: [{ line: 1, quote: anchor, by: 'agency' }],
    draft: true,
  });

  const seenWhen = new Set<string>();
  for (const { time, by, asked } of input.times) {
    const when = time.span.text;
    if (!NO_DATE.test(time.precision) || seenWhen.has(when.toLowerCase())) continue;
    seenWhen.add(when.toLowerCase());
    // Short, so that it does not outweigh the entry that answers what happened then.
    const exact = asked
      ?.replace(/^When\s+/, 'On what exact date ')
      .split(/\s+/)
      .slice(0, 8)
      .join(' ')
      .replace(/\?*$/, '?');
    gaps.push({
      id: `exact-date-${slugOf(when)}`,
      question: `What is the exact date of “${when}”?`,
      phrasings: fresh([
        `What dates does “${when}” mean?`,
        ...(exact && exact !== asked ? [exact] : []),
        // "What date was the U.S.-Saudi investment conference?": the things of that sentence, dated.
        ...nounPhrases(time.sentence.text)
          .slice(0, 2)
          .map((np) => `What was the date of the ${np}?`),
      ]),
      missing: `the calendar date of “${when}”`,
      note: `The report says only “${when}”; it gives no calendar date for it, and no publication date to count from.`,
      sources: [{ line: time.sentence.line, quote: time.sentence.text, by }],
      draft: true,
    });
  }

  const seenSource = new Set<string>();
  for (const { sentence, by, named } of input.sentences) {
    for (const m of sentence.text.matchAll(UNNAMED_SOURCE)) {
      const label = m[0].trim();
      const key = label.toLowerCase().replace(/^(?:a|an|one)\s+/, '');
      if (seenSource.has(key)) continue;
      seenSource.add(key);
      gaps.push({
        id: `unnamed-${slugOf(key)}`,
        question: `Who is ${lowerArticle(label)}?`,
        phrasings: fresh([
          'Who is the source?',
          ...(named.length ? [`Who is ${lowerArticle(label)} about ${named.join(' and ')}?`] : []),
        ]),
        missing: `who ${lowerArticle(label)} is`,
        note: `The report does not identify ${lowerArticle(label)}.`,
        sources: [{ line: sentence.line, quote: sentence.text, by }],
        draft: true,
      });
    }
  }
  return gaps;
}

/** A sentence's noun phrases of two to six words, without their article: "U.S.-Saudi investment conference". */
function nounPhrases(text: string): string[] {
  return (nlp(forNlp(text)).nouns().out('array') as string[])
    .map((np) => np.replace(/[.,;:!?"'\s]+$/, '').replace(/^(?:a|an|the)\s+/i, ''))
    .filter((np) => np.split(/\s+/).length >= 2 && np.split(/\s+/).length <= 6 && /^[\p{L}\d]/u.test(np));
}

function lowerArticle(label: string): string {
  return label.replace(/^(A|An|One)\b/, (a) => a.toLowerCase());
}

function slugOf(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .split('-')
      .slice(0, 5)
      .join('-') || 'gap'
  );
}

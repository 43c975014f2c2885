import type { ItemEntity } from 'wink-nlp';
import { chrono, its, wink } from './nlp.js';
import { spanIn, type Sentence, type Span } from './sentences.js';

/**
 * Time expressions of a sentence, in the report's own words, with how precise each is.
 * wink-nlp finds dates, times and durations; chrono-node says which parts a date pins down
 * (a weekday, a day, a month, a year), so "Wednesday" stays "a Wednesday; no date given".
 * Neither library reads vague time adverbs as times: those few are listed here.
 */
export interface TimeExpression {
  span: Span;
  sentence: Sentence;
  /** How exact the report is, in plain words; never a date it does not give. */
  precision: string;
}

const VAGUE = /\b(recently|lately|soon|shortly)\b/gi;
/** Two reference dates far apart: a part of a date that changes with them depends on when the report was written. */
const REFERENCES = [new Date(2001, 2, 14, 12), new Date(2019, 9, 3, 12)] as const;
const COMPONENTS = ['year', 'month', 'day', 'weekday', 'hour'] as const;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function findTimes(sentence: Sentence, publishedKnown: boolean): TimeExpression[] {
  const found: { start: number; end: number; type: string }[] = [];
  let cursor = 0;
  wink
    .readDoc(sentence.text)
    .entities()
    .each((e: ItemEntity) => {
      const type = e.out(its.type);
      if (type !== 'DATE' && type !== 'TIME' && type !== 'DURATION') return;
      const text = e.out();
      // "millions of euros a day", "delays of up to a week": a rate or a length, not a time.
      if (
        type === 'DURATION' &&
        !/\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|several|few|many)\b|\bsince\b/i.test(text)
      )
        return;
      const at = sentence.text.indexOf(text, cursor);
      if (at < 0) return;
      cursor = at + text.length;
      found.push({ start: at, end: at + text.length, type });
    });
  for (const m of sentence.text.matchAll(VAGUE))
    found.push({ start: m.index, end: m.index + m[0].length, type: 'VAGUE' });
  // wink splits "Tuesday morning" into a date and a time: one expression.
  found.sort((a, b) => a.start - b.start);
  const merged: typeof found = [];
  for (const f of found) {
    const prev = merged.at(-1);
    if (
      prev &&
      /^\s*(?:,\s*)?$/.test(sentence.text.slice(prev.end, f.start)) &&
      prev.type !== 'VAGUE' &&
      f.type !== 'VAGUE'
    ) {
      prev.end = f.end;
      if (f.type === 'DATE') prev.type = 'DATE';
    } else merged.push({ ...f });
  }
  return merged.map((f) => {
    const span = spanIn(sentence, f.start, f.end);
    return { span, sentence, precision: precisionOf(span.text, f.type, publishedKnown) };
  });
}

function precisionOf(text: string, type: string, publishedKnown: boolean): string {
  const noDate = publishedKnown ? '' : ' The report gives no publication date, so no calendar date can be given.';
  if (type === 'VAGUE') return `“${cap(text)}”; the report gives no date.`;
  if (type === 'DURATION' && !/\bsince\b/i.test(text)) return `A length of time (${text}), not a date.`;
  const [a, b] = REFERENCES.map((ref) => chrono.parse(text, ref, { forwardDate: false })[0]);
  if (!a || !b) return `As the report puts it (“${text}”); it gives no date.`;
  const certain = COMPONENTS.filter((c) => a.start.isCertain(c));
  const pinned = certain.some((c) => c === 'year' || c === 'month' || c === 'weekday');
  const relative = pinned
    ? certain.some((c) => a.start.get(c) !== b.start.get(c))
    : a.start.date().getTime() !== b.start.date().getTime();
  if (relative) return `Counted from the day of the report (“${text}”).${noDate}`;
  const has = (c: (typeof COMPONENTS)[number]) => certain.includes(c);
  const month = MONTHS[(a.start.get('month') ?? 1) - 1];
  const day = a.start.get('day');
  const year = a.start.get('year');
  const partOfDay = text.match(/\b(?:morning|afternoon|evening|night)\b/i)?.[0];
  const at = partOfDay
    ? ` ${partOfDay.toLowerCase()}`
    : has('hour')
      ? ` at ${text.match(/\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)/i)?.[0] ?? 'the time given'}`
      : '';
  if (has('year') && has('month') && has('day')) return `${month} ${day}, ${year}${at}.`;
  if (has('month') && has('day')) return `${month} ${day}${at}; the report gives no year.`;
  if (has('year') && has('month')) return `${month} ${year}; the report gives no day.`;
  if (has('month')) return `${month}; the report gives no day and no year.`;
  if (has('year')) return `${year}; the report gives no month or day.`;
  if (has('weekday')) return `A ${WEEKDAYS[a.start.get('weekday') ?? 0]}${at}; the report gives no date.`;
  return `As the report puts it (“${text}”); it gives no date.`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

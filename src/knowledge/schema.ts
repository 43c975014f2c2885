import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { KNOWLEDGE_LIMITS as LIMITS } from './limits.js';

/**
 * Schemas of the human-edited knowledge files. Strict: a misspelt field is an error, not ignored.
 * Written with zod's mini build (the same checks and messages as the full one, a tenth of its size
 * to load on every start), with its English messages for the problems no check words itself.
 */
z.config(en());

const id = z
  .string()
  .check(
    z.maxLength(LIMITS.shortText, `must be at most ${LIMITS.shortText} characters`),
    z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single dashes'),
  );
const text = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.maxLength(LIMITS.longText, `must be at most ${LIMITS.longText} characters`),
  );
/** What people type or see as a heading: a question, a phrasing, a name. */
const short = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.maxLength(LIMITS.shortText, `must be at most ${LIMITS.shortText} characters`),
  );
const list = <T extends z.ZodMiniType>(item: T) =>
  z.array(item).check(z.maxLength(LIMITS.listItems, `must have at most ${LIMITS.listItems} items`));
const texts = list(text);
const shorts = list(short);
/** A file name in the story's own folder: no folder part, so it cannot point elsewhere. */
const fileName = short.check(z.regex(/^(?!\.\.?$)[^/\\]+$/, 'must be a file name in the story folder (no / or \\)'));
const lineNumber = (wording: { whole?: string; positive?: string } = {}) =>
  z.number().check(z.int(wording.whole), z.positive(wording.positive));

export const sourceSchema = z.strictObject({
  line: lineNumber({ whole: 'must be a whole line number', positive: 'must be a line number from 1' }),
  quote: text,
  by: id,
});

const sources = z
  .array(sourceSchema)
  .check(
    z.minLength(1, 'needs at least one source'),
    z.maxLength(LIMITS.sources, `must have at most ${LIMITS.sources} sources`),
  );
/** Written by `npm run draft` and not yet reviewed by a curator, who deletes the mark. */
const draft = z._default(z.boolean(), false);
const phrasings = z._default(shorts, []);

export const storySchema = z.strictObject({
  id,
  title: text,
  dateline: text,
  agency: text,
  outlets: texts,
  published: z.nullable(text),
  published_note: z.optional(text),
  report: fileName,
  links: z._default(z.array(z.strictObject({ line: lineNumber(), note: text })), []),
  voices: z.record(id, text),
});

export const qaSchema = z.strictObject({
  id,
  question: short,
  phrasings,
  answer: text,
  conflict: z._default(z.boolean(), false),
  sources,
  draft,
});

export const personSchema = z.strictObject({
  id,
  name: short,
  role: text,
  aliases: phrasings,
  summary: text,
  sources,
  draft,
});

export const eventSchema = z.strictObject({
  id,
  when: text,
  event: text,
  precision: text,
  phrasings,
  sources,
  draft,
});

export const gapSchema = z.strictObject({
  id,
  question: short,
  phrasings,
  missing: text,
  note: text,
  sources,
  draft,
});

export type StoryFile = z.infer<typeof storySchema>;
export type SourceFile = z.infer<typeof sourceSchema>;
/** What a failed parse reports, issue by issue. */
export type SchemaError = z.core.$ZodError;
export type Schema<T> = z.ZodMiniType<T>;

export const synonymsSchema = list(list(short).check(z.minLength(2, 'a group needs at least two words')));

import { z } from 'zod';
import { KNOWLEDGE_LIMITS as LIMITS } from './limits.js';

/** Schemas of the human-edited knowledge files. Strict: a misspelt field is an error, not ignored. */

const id = z
  .string()
  .max(LIMITS.shortText, `must be at most ${LIMITS.shortText} characters`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single dashes');
const text = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(LIMITS.longText, `must be at most ${LIMITS.longText} characters`);
/** What people type or see as a heading: a question, a phrasing, a name. */
const short = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(LIMITS.shortText, `must be at most ${LIMITS.shortText} characters`);
const list = <T extends z.ZodType>(item: T) =>
  z.array(item).max(LIMITS.listItems, `must have at most ${LIMITS.listItems} items`);
const texts = list(text);
const shorts = list(short);
/** A file name in the story's own folder: no folder part, so it cannot point elsewhere. */
const fileName = short.regex(/^(?!\.\.?$)[^/\\]+$/, 'must be a file name in the story folder (no / or \\)');

export const sourceSchema = z.strictObject({
  line: z.number().int('must be a whole line number').positive('must be a line number from 1'),
  quote: text,
  by: id,
});

const sources = z
  .array(sourceSchema)
  .min(1, 'needs at least one source')
  .max(LIMITS.sources, `must have at most ${LIMITS.sources} sources`);
/** Written by `npm run draft` and not yet reviewed by a curator, who deletes the mark. */
const draft = z.boolean().default(false);

export const storySchema = z.strictObject({
  id,
  title: text,
  dateline: text,
  agency: text,
  outlets: texts,
  published: text.nullable(),
  published_note: text.optional(),
  report: fileName,
  links: z.array(z.strictObject({ line: z.number().int().positive(), note: text })).default([]),
  voices: z.record(id, text),
});

export const qaSchema = z.strictObject({
  id,
  question: short,
  phrasings: shorts.default([]),
  answer: text,
  conflict: z.boolean().default(false),
  sources,
  draft,
});

export const personSchema = z.strictObject({
  id,
  name: short,
  role: text,
  aliases: shorts.default([]),
  summary: text,
  sources,
  draft,
});

export const eventSchema = z.strictObject({
  id,
  when: text,
  event: text,
  precision: text,
  phrasings: shorts.default([]),
  sources,
  draft,
});

export const gapSchema = z.strictObject({
  id,
  question: short,
  phrasings: shorts.default([]),
  missing: text,
  note: text,
  sources,
  draft,
});

export type StoryFile = z.infer<typeof storySchema>;
export type SourceFile = z.infer<typeof sourceSchema>;

export const synonymsSchema = list(list(short).min(2, 'a group needs at least two words'));

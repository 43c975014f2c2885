import { z } from 'zod';

/** Schemas of the human-edited knowledge files. Strict: a misspelt field is an error, not ignored. */

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single dashes');
const text = z.string().trim().min(1, 'must not be empty');
const texts = z.array(text);

export const sourceSchema = z.strictObject({
  line: z.number().int('must be a whole line number').positive('must be a line number from 1'),
  quote: text,
  by: id,
});

const sources = z.array(sourceSchema).min(1, 'needs at least one source');
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
  report: text,
  links: z.array(z.strictObject({ line: z.number().int().positive(), note: text })).default([]),
  voices: z.record(id, text),
});

export const qaSchema = z.strictObject({
  id,
  question: text,
  phrasings: texts.default([]),
  answer: text,
  conflict: z.boolean().default(false),
  sources,
  draft,
});

export const personSchema = z.strictObject({
  id,
  name: text,
  role: text,
  aliases: texts.default([]),
  summary: text,
  sources,
  draft,
});

export const eventSchema = z.strictObject({
  id,
  when: text,
  event: text,
  precision: text,
  phrasings: texts.default([]),
  sources,
  draft,
});

export const gapSchema = z.strictObject({
  id,
  question: text,
  phrasings: texts.default([]),
  missing: text,
  note: text,
  sources,
  draft,
});

export type StoryFile = z.infer<typeof storySchema>;
export type SourceFile = z.infer<typeof sourceSchema>;

export const synonymsSchema = z.array(z.array(text).min(2, 'a group needs at least two words'));

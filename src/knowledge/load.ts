import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { clip, normalize } from '../engine/text.js';
import { readKnowledgeFile, readerOver, type FileReader, type ReadOutcome } from './files.js';
import { KNOWLEDGE_LIMITS as LIMITS } from './limits.js';
import { rememberNormalizedPhrasings } from './normalized.js';
import { readPlainYaml } from './plain-yaml.js';
import { jsYaml, yamlPackage } from './yaml-parsers.js';
import {
  eventSchema,
  gapSchema,
  personSchema,
  qaSchema,
  storySchema,
  synonymsSchema,
  type Schema,
  type SchemaError,
  type SourceFile,
} from './schema.js';
import type { Entry, Knowledge, KnowledgeNotice, KnowledgeProblem, Source, Story } from './types.js';

export type LoadResult =
  | {
      ok: true;
      knowledge: Knowledge;
      /** Each story's fingerprint (its files' names and contents), when asked for. */
      fingerprints?: ReadonlyMap<string, string>;
      /**
       * Stories left out because their files are those of a story already served (see `served`):
       * the caller keeps its own copy of them. `order` lists every story, loaded or left out.
       */
      unchanged?: readonly string[];
      order?: readonly string[];
    }
  | { ok: false; problems: KnowledgeProblem[] };

/** A story being served: its fingerprint when it was loaded, and how many entries it has. */
export interface ServedStory {
  fingerprint: string;
  entries: number;
}

export interface LoadOptions {
  maxEntries?: number;
  freeze?: boolean;
  /** Compute each story's fingerprint (implied by `served`). */
  fingerprint?: boolean;
  /**
   * The stories being served: one whose files are unchanged is not read, parsed or validated
   * again (a refresh reparses only the stories whose files changed). Every check is within a
   * story, so leaving one out loses none; only the total number of entries counts them all.
   */
  served?: ReadonlyMap<string, ServedStory>;
}

const STORY_FILE = 'story.yaml';

type Shared = 'id' | 'story' | 'sources' | 'file';
type EntryBody = Entry extends infer E ? (E extends Entry ? Omit<E, Shared> : never) : never;

type ParsedItem =
  | { success: true; id: string; sources: SourceFile[]; body: EntryBody }
  | { success: false; error: SchemaError };

/** One kind of entry file: its schema, and how a valid item becomes the body of an `Entry`. */
function entryFile<T extends { id: string; sources: SourceFile[] }>(
  schema: Schema<T>,
  build: (item: T) => EntryBody,
): { parse(item: unknown): ParsedItem } {
  return {
    parse(item) {
      const r = schema.safeParse(item);
      return r.success
        ? { success: true, id: r.data.id, sources: r.data.sources, body: build(r.data) }
        : { success: false, error: r.error };
    },
  };
}

/** The entry files a story folder may hold. */
const ENTRY_FILES = {
  'qa.yaml': entryFile(qaSchema, (qa) => ({
    kind: 'qa',
    title: qa.question,
    phrasings: [qa.question, ...qa.phrasings],
    answer: qa.answer,
    conflict: qa.conflict,
    draft: qa.draft,
  })),
  'people.yaml': entryFile(personSchema, (p) => ({
    kind: 'person',
    title: p.name,
    name: p.name,
    role: p.role,
    aliases: p.aliases,
    phrasings: [`who is ${p.name}`, ...p.aliases, p.role],
    answer: `${p.name}: ${p.role}. ${p.summary}`,
    conflict: false,
    draft: p.draft,
  })),
  'events.yaml': entryFile(eventSchema, (e) => ({
    kind: 'event',
    title: e.phrasings[0] ?? e.event,
    when: e.when,
    event: e.event,
    precision: e.precision,
    phrasings: [`${e.when}: ${e.event}`, ...e.phrasings],
    answer: `${capitalize(e.when)}: ${e.event} ${e.precision}`,
    conflict: false,
    draft: e.draft,
  })),
  'gaps.yaml': entryFile(gapSchema, (g) => ({
    kind: 'gap',
    title: g.question,
    phrasings: [g.question, ...g.phrasings],
    answer: g.note,
    missing: g.missing,
    conflict: false,
    draft: g.draft,
  })),
};
type EntryFileName = keyof typeof ENTRY_FILES;

/**
 * Reads and validates the whole knowledge folder. All or nothing: any problem anywhere refuses
 * everything, so a refresh never serves half of an edit. Every problem found is reported, not
 * just the first, so a curator can fix them in one go.
 */
export async function loadKnowledge(
  dir: string,
  { maxEntries = LIMITS.entries as number, freeze = true, fingerprint = false, served }: LoadOptions = {},
): Promise<LoadResult> {
  try {
    const result = await loadAll(dir, maxEntries, fingerprint || served !== undefined, served);
    return result.ok && freeze ? { ...result, knowledge: deepFreeze(result.knowledge) } : result;
  } catch (err) {
    // Whatever slipped through the checks is still a problem for the curator, never a crash.
    return { ok: false, problems: [{ file: '(knowledge folder)', message: `could not be loaded: ${describe(err)}` }] };
  }
}

async function loadAll(
  dir: string,
  maxEntries: number,
  withFingerprints: boolean,
  served: ReadonlyMap<string, ServedStory> | undefined,
): Promise<LoadResult> {
  const problems: KnowledgeProblem[] = [];
  const storiesDir = path.join(dir, 'stories');
  let storyIds: string[];
  try {
    const dirents = await readdir(storiesDir, { withFileTypes: true });
    storyIds = dirents.filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch (err) {
    return { ok: false, problems: [{ file: 'stories/', message: `cannot read the stories folder (${errorCode(err)})` }] };
  }
  if (storyIds.length === 0) {
    return { ok: false, problems: [{ file: 'stories/', message: 'holds no story folder' }] };
  }

  const stories: Story[] = [];
  const entries: Entry[] = [];
  const notices: KnowledgeNotice[] = [];
  const fingerprints = new Map<string, string>();
  const unchanged: string[] = [];
  let unchangedEntries = 0;
  // Stories are read a few at a time: each file read is several round trips to the thread pool,
  // and one story's waits are another's parsing (at 100 stories, a third of a sequential load was
  // spent waiting). Each story gathers its own problems and notices, merged in folder order.
  const loads = await mapConcurrently(storyIds, STORIES_AT_ONCE, async (storyId) => {
    const read = withFingerprints ? await fingerprintOf(dir, storyId) : undefined;
    const fingerprint = read?.fingerprint;
    const before = served?.get(storyId);
    if (fingerprint !== undefined && before?.fingerprint === fingerprint) {
      return { kind: 'unchanged', storyId, fingerprint, entries: before.entries } as const;
    }
    const own = { problems: [] as KnowledgeProblem[], notices: [] as KnowledgeNotice[] };
    // The files the fingerprint read are parsed as read, not read again.
    const loaded = await loadStory(dir, storyId, own.problems, own.notices, readerOver(dir, read?.files));
    return { kind: 'read', storyId, fingerprint, loaded, ...own } as const;
  });
  for (const load of loads) {
    if (load.kind === 'unchanged') {
      unchanged.push(load.storyId);
      unchangedEntries += load.entries;
      fingerprints.set(load.storyId, load.fingerprint);
      continue;
    }
    for (const p of load.problems) problems.push(p);
    for (const n of load.notices) notices.push(n);
    if (load.loaded) {
      stories.push(load.loaded.story);
      // One by one: spreading a huge array into push() overflows the call stack.
      for (const e of load.loaded.entries) entries.push(e);
      if (load.fingerprint !== undefined) fingerprints.set(load.storyId, load.fingerprint);
    }
  }
  const total = entries.length + unchangedEntries;
  if (total > maxEntries) {
    problems.push({ file: 'stories/', message: `hold ${total} entries, over the limit of ${maxEntries}` });
    return { ok: false, problems };
  }
  checkUniqueIds(entries, problems);
  checkAliasCollisions(entries, problems);
  checkSharedPhrasings(entries, problems);
  const synonyms = await loadSynonyms(dir, problems);
  if (problems.length > 0) return { ok: false, problems };
  const knowledge = { stories, entries, synonyms, notices };
  if (!withFingerprints) return { ok: true, knowledge };
  return { ok: true, knowledge, fingerprints, unchanged, order: storyIds };
}

/**
 * A story folder's fingerprint: the names and contents of its files, read with the loader's
 * checks. Undefined when one cannot be read: the story is then loaded, and the problem reported.
 */
async function fingerprintOf(
  root: string,
  storyId: string,
): Promise<{ fingerprint: string; files: Map<string, ReadOutcome> } | undefined> {
  const storyDir = path.join(root, 'stories', storyId);
  let names;
  try {
    names = (await readdir(storyDir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch {
    return undefined;
  }
  const hash = createHash('sha1');
  const files = new Map<string, ReadOutcome>();
  for (const d of names) {
    if (d.isDirectory()) {
      hash.update(`${d.name}/\0`);
      continue;
    }
    const file = path.join(storyDir, d.name);
    const read = await readKnowledgeFile(root, file, Math.max(LIMITS.yamlBytes, LIMITS.reportBytes));
    if (!read.ok) return undefined;
    hash.update(`${d.name}\0${read.text.length}\0`).update(read.text);
    files.set(file, read);
  }
  return { fingerprint: hash.digest('hex'), files };
}

const STORIES_AT_ONCE = 8;

/** `fn` over `items`, at most `limit` at a time; the results in the items' order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next++;
      results[at] = await fn(items[at]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const SYNONYMS_FILE = 'synonyms.yaml';

async function loadSynonyms(dir: string, problems: KnowledgeProblem[]): Promise<string[][]> {
  const raw = await readYaml(dir, SYNONYMS_FILE, problems, { optional: true });
  if (raw === undefined || raw === null) return [];
  const parsed = synonymsSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...zodProblems(SYNONYMS_FILE, undefined, parsed.error));
    return [];
  }
  // A word in two groups would make its meaning depend on file order.
  const groupOf = new Map<string, number>();
  parsed.data.forEach((group, i) => {
    for (const word of group) {
      const key = normalize(word);
      const other = groupOf.get(key);
      if (other !== undefined && other !== i) {
        problems.push({ file: SYNONYMS_FILE, field: `[${i}]`, message: `"${word}" is already in group ${other + 1}` });
      }
      groupOf.set(key, i);
    }
  });
  return parsed.data;
}

/**
 * The same phrasing under two entries of a story would make the answer depend on file order.
 * (Across stories it is expected: "who is Trump" in two stories; the engine routes among them.)
 */
function checkSharedPhrasings(entries: readonly Entry[], problems: KnowledgeProblem[]): void {
  // Story -> normalised phrasing -> the entry that has it (no key strings built per phrasing).
  const owners = new Map<string, Map<string, string>>();
  for (const e of entries) {
    const normalized = e.phrasings.map(normalize);
    rememberNormalizedPhrasings(e, normalized);
    let owner = owners.get(e.story);
    if (!owner) owners.set(e.story, (owner = new Map()));
    for (const phrasing of normalized) {
      const other = owner.get(phrasing);
      if (other === undefined) owner.set(phrasing, e.id);
      else if (other !== e.id) {
        problems.push({ file: e.file, entry: e.id, field: 'phrasings', message: `"${phrasing}" is also a phrasing of "${other}"` });
      }
    }
  }
}

async function loadStory(
  root: string,
  storyId: string,
  problems: KnowledgeProblem[],
  notices: KnowledgeNotice[],
  read: FileReader,
): Promise<{ story: Story; entries: Entry[] } | undefined> {
  const rel = (name: string) => path.posix.join('stories', storyId, name);
  const storyDir = path.join(root, 'stories', storyId);

  const storyRaw = await readYaml(root, rel(STORY_FILE), problems, { read });
  if (storyRaw === undefined) return undefined;
  const parsed = storySchema.safeParse(storyRaw);
  if (!parsed.success) {
    problems.push(...zodProblems(rel(STORY_FILE), undefined, parsed.error));
    return undefined;
  }
  const meta = parsed.data;
  if (meta.id !== storyId) {
    problems.push({ file: rel(STORY_FILE), field: 'id', message: `is "${meta.id}" but the folder is "${storyId}"` });
  }

  const report = await read(path.join(storyDir, meta.report), LIMITS.reportBytes);
  if (!report.ok) {
    problems.push({ file: rel(meta.report), message: report.message });
    return undefined;
  }
  const reportText = report.text;
  const lines = reportText.replace(/\r?\n$/, '').split(/\r?\n/);
  const links = new Map<number, string>();
  for (const link of meta.links) {
    if (link.line > lines.length) {
      problems.push({ file: rel(STORY_FILE), field: 'links', message: `line ${link.line} is past the end of the report (${lines.length} lines)` });
    }
    links.set(link.line, link.note);
  }
  const story: Story = {
    id: storyId,
    title: meta.title,
    dateline: meta.dateline,
    agency: meta.agency,
    outlets: meta.outlets,
    published: meta.published,
    publishedNote: meta.published_note ?? (meta.published ? `Published ${meta.published}.` : 'The report gives no publication date.'),
    lines,
    links,
  };

  // Anything else in the folder is most likely a misnamed entry file: say so rather than ignore it.
  const known = new Set<string>([STORY_FILE, meta.report, ...Object.keys(ENTRY_FILES)]);
  let names: string[];
  try {
    names = (await readdir(storyDir)).sort();
  } catch (err) {
    problems.push({ file: rel(''), message: `cannot be listed (${errorCode(err)})` });
    return undefined;
  }
  for (const name of names) {
    if (!known.has(name) && !name.endsWith('.md')) {
      problems.push({ file: rel(name), message: `is not a knowledge file; expected ${[...known].join(', ')} (or notes in .md)` });
    }
  }

  const entries: Entry[] = [];
  for (const fileName of Object.keys(ENTRY_FILES) as EntryFileName[]) {
    const file = rel(fileName);
    const raw = await readYaml(root, file, problems, { optional: true, read });
    if (raw === undefined || raw === null) continue;
    if (!Array.isArray(raw)) {
      problems.push({ file, message: 'must be a list of entries (each starting with "- id: ...")' });
      continue;
    }
    raw.forEach((item: unknown, index) => {
      const entry = toEntry(fileName, item, { story, file, index, voices: meta.voices, problems, notices });
      if (entry) entries.push(entry);
    });
  }
  return { story, entries };
}

interface EntryContext {
  story: Story;
  file: string;
  index: number;
  voices: Record<string, string>;
  problems: KnowledgeProblem[];
  notices: KnowledgeNotice[];
}

function toEntry(fileName: EntryFileName, item: unknown, ctx: EntryContext): Entry | undefined {
  const label = entryLabel(item, ctx.index);
  const parsed = ENTRY_FILES[fileName].parse(item);
  if (!parsed.success) {
    ctx.problems.push(...zodProblems(ctx.file, label, parsed.error));
    return undefined;
  }
  const sources = checkSources(parsed.sources, label, ctx);
  if (!sources) return undefined;
  return { ...parsed.body, id: parsed.id, story: ctx.story.id, sources, file: ctx.file } as Entry;
}

/**
 * Each source must quote its line verbatim and name a declared voice. A report is replaced when its
 * story develops, so a quote that is no longer in its line is looked for in the whole report: found
 * on another line, the source is re-anchored there; found nowhere, the entry is withheld (not
 * served) rather than the whole knowledge refused. Either way a notice says so, for the refresh.
 */
function checkSources(list: readonly SourceFile[], entry: string, ctx: EntryContext): Source[] | undefined {
  const before = ctx.problems.length;
  const { story } = ctx;
  let withheld = false;
  const sources = list.map((s, i): Source => {
    const field = (name: string) => `sources[${i}].${name}`;
    let line = s.line;
    if (!story.lines[line - 1]?.includes(s.quote)) {
      const found = nearestLineWith(story.lines, s.quote, line);
      const notice = { file: ctx.file, story: story.id, entry };
      if (found === undefined) {
        withheld = true;
        ctx.notices.push({
          ...notice,
          kind: 'withheld',
          message: `${field('quote')} is no longer in the report (it cited line ${s.line}): "${clip(s.quote, 80)}"; not served until fixed`,
        });
      } else {
        ctx.notices.push({ ...notice, kind: 'reanchored', message: `${field('quote')} is now on line ${found}, not ${s.line}: re-anchored` });
        line = found;
      }
    }
    const attribution = ctx.voices[s.by];
    if (attribution === undefined) {
      ctx.problems.push({ file: ctx.file, entry, field: field('by'), message: `"${s.by}" is not a voice in story.yaml (known: ${Object.keys(ctx.voices).join(', ')})` });
    }
    return { story: story.id, line, quote: s.quote, attribution: attribution ?? s.by };
  });
  return ctx.problems.length === before && !withheld ? sources : undefined;
}

/** The line holding `quote` verbatim nearest to `cited`, if any does. */
function nearestLineWith(lines: readonly string[], quote: string, cited: number): number | undefined {
  let best: number | undefined;
  lines.forEach((l, i) => {
    if (l.includes(quote) && (best === undefined || Math.abs(i + 1 - cited) < Math.abs(best - cited))) best = i + 1;
  });
  return best;
}

/** Ids are unique within a story; across stories an entry is named `story/id`. */
function checkUniqueIds(entries: readonly Entry[], problems: KnowledgeProblem[]): void {
  const seen = new Map<string, Entry>();
  for (const e of entries) {
    const key = `${e.story}/${e.id}`;
    const first = seen.get(key);
    if (first) problems.push({ file: e.file, entry: e.id, field: 'id', message: `is already used in ${first.file}` });
    else seen.set(key, e);
  }
}

/** An alias that names two people of a story would make /who answer with the wrong one. */
function checkAliasCollisions(entries: readonly Entry[], problems: KnowledgeProblem[]): void {
  const owner = new Map<string, string>();
  for (const e of entries) {
    if (e.kind !== 'person') continue;
    for (const alias of new Set([e.name, ...e.aliases].map(normalize))) {
      const key = `${e.story}\n${alias}`;
      const other = owner.get(key);
      if (other && other !== e.id) {
        problems.push({ file: e.file, entry: e.id, field: 'aliases', message: `"${alias}" also names "${other}"` });
      } else owner.set(key, e.id);
    }
  }
}

/** Reads `file` (relative to the knowledge folder `root`) as YAML; undefined after a problem. */
async function readYaml(
  root: string,
  file: string,
  problems: KnowledgeProblem[],
  { optional = false, read = readerOver(root) }: { optional?: boolean; read?: FileReader } = {},
): Promise<unknown> {
  const outcome = await read(path.join(root, file), LIMITS.yamlBytes);
  if (!outcome.ok) {
    if (!(optional && outcome.missing)) problems.push({ file, message: outcome.message });
    return undefined;
  }
  return parseYaml(outcome.text, file, problems);
}

/**
 * Knowledge files as curators and the bench write them (block lists and mappings of one-line or
 * folded scalars) are read by plain-yaml.ts, four to five times faster than js-yaml; another plain
 * file (no anchors or aliases, no syntax error) by js-yaml, several times faster than the `yaml`
 * package on large files; anything else by the `yaml` package, whose checks and messages (with
 * line and column) are the curator's: the same verdict and the same problems either way.
 */
export function parseYaml(text: string, file: string, problems: KnowledgeProblem[]): unknown {
  const plain = readPlainYaml(text);
  if (plain !== undefined) return plain;
  if (!MAY_HAVE_ALIASES.test(text)) {
    try {
      const { load, CORE_SCHEMA } = jsYaml();
      return load(text, { schema: CORE_SCHEMA, maxAliases: 0 });
    } catch {
      // Reported below, as the `yaml` package words it.
    }
  }
  const doc = yamlPackage().parseDocument(text);
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const at = e.linePos?.[0];
      problems.push({ file, message: `is not valid YAML${at ? ` at line ${at.line}, column ${at.col}` : ''}: ${e.message.split('\n')[0]}` });
    }
    return undefined;
  }
  try {
    return doc.toJS({ maxAliasCount: LIMITS.yamlAliases });
  } catch (err) {
    // A "billion laughs" file: aliases of aliases that would expand without bound.
    problems.push({ file, message: `cannot be expanded: ${describe(err)}` });
    return undefined;
  }
}

/** An anchor (&a) or an alias (*a) where a node may start; a false alarm only costs the slower parser. */
const MAY_HAVE_ALIASES = /(?:^|[\s:,[{-])[&*][^\s,[\]{}]/m;

function zodProblems(file: string, entry: string | undefined, error: SchemaError): KnowledgeProblem[] {
  return error.issues.map((issue) => ({
    file,
    ...(entry ? { entry } : {}),
    ...(issue.path.length ? { field: fieldPath(issue.path) } : {}),
    message: issue.message,
  }));
}

function fieldPath(pathParts: readonly PropertyKey[]): string {
  return pathParts.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

function entryLabel(item: unknown, index: number): string {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id ? id : `#${index + 1} (no id)`;
}

function describe(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 200);
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? String(err);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (value instanceof Map) for (const v of value.values()) deepFreeze(v);
    else for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

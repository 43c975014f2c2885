import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { answer, cleanInput, type Answer } from '../engine/answer.js';
import { diffKnowledge, type KnowledgeDiff } from '../knowledge/diff.js';
import { KNOWLEDGE_LIMITS } from '../knowledge/limits.js';
import { loadKnowledge } from '../knowledge/load.js';
import type { KnowledgeStore } from '../knowledge/store.js';
import type { Entry, KnowledgeNotice, KnowledgeProblem } from '../knowledge/types.js';
import { yamlPackage } from '../knowledge/yaml-parsers.js';

const isWithheld = (n: KnowledgeNotice) => n.kind === 'withheld';
import type { ChangeRow, Storage } from '../storage/storage.js';
import { writeFileAtomic } from './atomic.js';
import { addPhrasing } from './phrasing.js';
import { removeStoryWithHistory, restoreRemovedStory, STORY_REMOVAL } from './story-history.js';

/** Who made a change: a moderator is accountable for it, so their id and name are kept. */
export interface Actor {
  id: string;
  name: string;
}

/** Limits on what a moderator can send from Discord, in one place. */
export const CURATION_LIMITS = {
  /** An imported knowledge file. */
  importBytes: 1024 * 1024,
  /** How long an import preview waits for Apply. */
  previewMs: 15 * 60_000,
  /** A taught question, as for any phrasing. */
  questionChars: KNOWLEDGE_LIMITS.shortText,
} as const;

/** The files a story folder holds; the report's own name comes from story.yaml. */
const STORY_FILES = ['story.yaml', 'qa.yaml', 'people.yaml', 'events.yaml', 'gaps.yaml'] as const;
const ROOT_FILES = ['synonyms.yaml'] as const;

export type Refusal = { ok: false; reason: string; problems?: KnowledgeProblem[] };
export type Applied = { ok: true; changeId: number; diff: KnowledgeDiff };
/**
 * What the taught question gets now: the entry's answer; the entry cited, as evidence for a
 * yes/no question it does not settle ("The report doesn't say. What it does say: …"); or another reply.
 */
export type TaughtReply = 'answered' | 'cited' | 'other';
export type TeachOutcome =
  | Refusal
  | (Applied & { entry: Entry; now: Answer; reply: TaughtReply })
  | { ok: 'unchanged'; entry: Entry; now: Answer };
export type ImportPreview = Refusal | { ok: true; token: string; file: string; diff: KnowledgeDiff };
export type UndoOutcome = Refusal | (Applied & { undone: ChangeRow });

interface Pending {
  file: string;
  text: string;
}

/**
 * Changes to the knowledge made from chat: teaching a question to an entry, importing a file,
 * undoing either. Every change is validated by the same loader as a refresh on a copy of the
 * folder before anything is written, written atomically, swapped in through the store, and
 * recorded with the file as it was (under DATA_DIR/history) so it can be undone. Changes run one
 * at a time.
 */
export class Curator {
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly store: KnowledgeStore,
    readonly storage: Storage,
    readonly dataDir: string,
    readonly now: () => number = Date.now,
  ) {}

  #serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** Adds `question` as a phrasing of the entry `entryId`. */
  teach(question: string, entryId: string, actor: Actor): Promise<TeachOutcome> {
    return this.#serial(async () => {
      const text = cleanInput(question);
      if (!text) return refuse('The question is empty.');
      if (text.length > CURATION_LIMITS.questionChars) {
        return refuse(`The question is over ${CURATION_LIMITS.questionChars} characters.`);
      }
      const entry = this.store.current.knowledge.entries.find((e) => e.id === entryId);
      if (!entry) return refuse(`There is no entry "${entryId}".`);
      if (entry.kind === 'person') {
        return refuse(
          'People are found by their names and aliases, not by questions: teach the question to a Q&A entry.',
        );
      }
      const before = answer(this.store.current, { lookup: 'ask', text });
      if (this.#replyFrom(before, entry) === 'answered') return { ok: 'unchanged', entry, now: before };
      const current = await readFile(path.join(this.store.dir, entry.file), 'utf8');
      const edited = addPhrasing(current, entry.id, text);
      if (!edited.ok) return refuse(`${entry.file}: ${edited.message}`);
      const applied = await this.#apply(entry.file, edited.text, 'teach', [entry.id], actor);
      if (!applied.ok) return applied;
      const now = answer(this.store.current, { lookup: 'ask', text });
      return { ...applied, entry, now, reply: this.#replyFrom(now, entry) };
    });
  }

  /** Whether a reply is the entry's (by id, as `story/id` when several stories are loaded). */
  #replyFrom(reply: Answer, entry: Entry): TaughtReply {
    const byId = this.store.current.index.byId;
    const from = reply.entry !== null ? byId.get(reply.entry) : undefined;
    const cites = from?.id === entry.id && from.story === entry.story;
    if (cites && reply.status === 'answered') return 'answered';
    return cites ? 'cited' : 'other';
  }

  /**
   * Checks an uploaded knowledge file against the rest of the folder and keeps it for Apply.
   * `story` names the story folder for a story's file; null picks the only story there is.
   */
  previewImport(fileName: string, bytes: Uint8Array, story: string | null): Promise<ImportPreview> {
    return this.#serial(async () => {
      const target = await this.#importTarget(fileName, story);
      if (typeof target !== 'string') return target;
      if (bytes.byteLength > CURATION_LIMITS.importBytes) {
        return refuse(
          `${fileName} is ${kib(bytes.byteLength)}, over the limit of ${kib(CURATION_LIMITS.importBytes)}.`,
        );
      }
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        return refuse(`${clipName(fileName)} is not UTF-8 text.`);
      }
      const checked = await this.#validate(target, text);
      if (!checked.ok) return checked;
      const token = randomBytes(9).toString('base64url');
      const pending: Pending = { file: target, text };
      await this.storage.setValue(`import:${token}`, JSON.stringify(pending), CURATION_LIMITS.previewMs, this.now());
      return { ok: true, token, file: target, diff: diffKnowledge(this.store.current.knowledge, checked.knowledge) };
    });
  }

  /** Writes an import that was previewed, after checking it again against the folder as it is now. */
  applyImport(token: string, actor: Actor): Promise<Refusal | Applied> {
    return this.#serial(async () => {
      const raw = await this.storage.getValue(`import:${token}`, this.now());
      if (!raw) return refuse('This import has expired or was already applied or cancelled; nothing changed.');
      await this.storage.deleteValue(`import:${token}`);
      const pending = JSON.parse(raw) as Pending;
      return this.#apply(pending.file, pending.text, 'import', [], actor);
    });
  }

  /** Forgets a previewed import. Returns false when there was none. */
  async cancelImport(token: string): Promise<boolean> {
    const had = (await this.storage.getValue(`import:${token}`, this.now())) !== null;
    await this.storage.deleteValue(`import:${token}`);
    return had;
  }

  /** Puts back the file as it was before the latest change not yet undone. */
  undo(actor: Actor): Promise<UndoOutcome> {
    return this.#serial(async () => {
      const change = (await this.storage.changes(200)).find((c) => c.kind !== 'undo' && c.undoneAt === null);
      if (!change) return refuse('There is no change made from Discord to undo.');
      if (change.kind === STORY_REMOVAL) return restoreRemovedStory(this, change, actor);
      const previous = change.previousPath
        ? await readFile(path.join(this.dataDir, change.previousPath), 'utf8')
        : null;
      const applied = await this.#apply(change.file, previous, 'undo', change.entries, actor, change.id);
      if (!applied.ok) return applied;
      await this.storage.markUndone(change.id, this.now());
      return { ...applied, undone: change };
    });
  }

  /** Unloads a story (/story remove), keeping its folder under DATA_DIR/history so `undo` brings it back. */
  removeStory(slug: string, actor: Actor) {
    return this.#serial(() => removeStoryWithHistory(this, slug, actor));
  }

  /** A story's files (and the shared synonyms), as they are on disk, for a curator to download. */
  async exportFiles(story: string): Promise<{ name: string; text: string }[] | Refusal> {
    if (!this.store.current.knowledge.stories.some((s) => s.id === story))
      return refuse(`There is no story "${story}".`);
    const dir = path.join(this.store.dir, 'stories', story);
    const names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);
    const files = await Promise.all(
      names.sort().map(async (name) => ({ name, text: await readFile(path.join(dir, name), 'utf8') })),
    );
    for (const name of ROOT_FILES) {
      const text = await readFile(path.join(this.store.dir, name), 'utf8').catch(() => null);
      if (text !== null) files.push({ name, text });
    }
    return files;
  }

  /** The path, relative to the knowledge folder, an uploaded file would replace; or why not. */
  async #importTarget(fileName: string, story: string | null): Promise<string | Refusal> {
    if ((ROOT_FILES as readonly string[]).includes(fileName)) return fileName;
    const stories = this.store.current.knowledge.stories;
    const chosen = story ?? (stories.length === 1 ? stories[0]!.id : null);
    if (!chosen) return refuse('There are several stories: say which one the file belongs to.');
    const meta = stories.find((s) => s.id === chosen);
    if (!meta) return refuse(`There is no story "${chosen}".`);
    const allowed = [...STORY_FILES, await this.#reportName(chosen)].filter((n): n is string => !!n);
    if (!allowed.includes(fileName)) {
      return refuse(
        `${clipName(fileName)} is not a knowledge file; send one of ${[...allowed, ...ROOT_FILES].join(', ')}.`,
      );
    }
    return path.posix.join('stories', chosen, fileName);
  }

  /** The report's file name, as story.yaml gives it. */
  async #reportName(story: string): Promise<string | null> {
    const text = await readFile(path.join(this.store.dir, 'stories', story, 'story.yaml'), 'utf8').catch(() => '');
    const report: unknown = (yamlPackage().parse(text) as { report?: unknown } | null)?.report;
    return typeof report === 'string' && /^[\w.-]+$/.test(report) ? report : null;
  }

  /** Loads the folder as it would be with `file` replaced (or removed, when `text` is null). */
  async #validate(file: string, text: string | null) {
    await mkdir(this.dataDir, { recursive: true });
    const staging = await mkdtemp(path.join(this.dataDir, 'staging-'));
    try {
      await cp(path.join(this.store.dir, 'stories'), path.join(staging, 'stories'), { recursive: true });
      for (const name of ROOT_FILES)
        await cp(path.join(this.store.dir, name), path.join(staging, name)).catch(() => undefined);
      const target = path.join(staging, file);
      if (text === null) await rm(target, { force: true });
      else await writeFileAtomic(target, text);
      const result = await loadKnowledge(staging);
      if (!result.ok) {
        return {
          ok: false as const,
          reason: 'The knowledge would not load; nothing changed.',
          problems: result.problems,
        };
      }
      // A refresh withholds an entry whose quote left the report; a curated change must not cause that.
      const key = (n: KnowledgeNotice) => `${n.story}/${n.entry}`;
      const already = new Set((this.store.current.knowledge.notices ?? []).filter(isWithheld).map(key));
      const withheld = (result.knowledge.notices ?? []).filter((n) => isWithheld(n) && !already.has(key(n)));
      if (withheld.length > 0) {
        return {
          ok: false as const,
          reason: 'The knowledge would not load; nothing changed.',
          problems: withheld.map((n) => ({ file: n.file, message: `${n.entry}: ${n.message}` })),
        };
      }
      return result;
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }

  async #apply(
    file: string,
    text: string | null,
    kind: 'teach' | 'import' | 'undo',
    entries: readonly string[],
    actor: Actor,
    undoes: number | null = null,
  ): Promise<Refusal | Applied> {
    const checked = await this.#validate(file, text);
    if (!checked.ok) return checked;
    const real = path.join(this.store.dir, file);
    const previous = await readFile(real, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    // The file as it was, kept before anything is written.
    const at = this.now();
    const previousPath =
      previous === null ? '' : path.posix.join('history', `${stamp(at)}-${randomBytes(3).toString('hex')}`, file);
    if (previous !== null) await writeFileAtomic(path.join(this.dataDir, previousPath), previous);
    if (text === null) await rm(real, { force: true });
    else await writeFileAtomic(real, text);
    const refreshed = await this.store.refresh();
    if (!refreshed.ok) {
      // Something else on disk changed meanwhile and does not load: put the file back as it was.
      if (previous === null) await rm(real, { force: true });
      else await writeFileAtomic(real, previous);
      await this.store.refresh();
      return refuse('The knowledge folder changed meanwhile and does not load; nothing changed.', refreshed.problems);
    }
    const changeId = await this.storage.recordChange({
      changedAt: at,
      kind,
      actorId: actor.id,
      actorName: actor.name,
      file,
      entries: entries.length
        ? [...entries]
        : [
            ...refreshed.diff.added,
            ...refreshed.diff.removed,
            ...refreshed.diff.edited,
            ...refreshed.diff.citationsChanged,
          ],
      previousPath,
      undoes,
    });
    return { ok: true, changeId, diff: refreshed.diff };
  }
}

function refuse(reason: string, problems?: KnowledgeProblem[]): Refusal {
  return problems ? { ok: false, reason, problems } : { ok: false, reason };
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}

function kib(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KiB`;
}

function clipName(name: string): string {
  const safe = name.replace(/[^\w.-]/g, '_');
  return safe.length > 60 ? `${safe.slice(0, 59)}…` : safe;
}

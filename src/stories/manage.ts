import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DraftSummary } from '../draft/draft.js';
import { KNOWLEDGE_LIMITS } from '../knowledge/limits.js';
import type { KnowledgeStore, RefreshOutcome } from '../knowledge/store.js';

/**
 * Adding, updating and removing stories while the bot serves: each change is written to the
 * knowledge folder and the whole folder reloaded and validated; if it does not load, the change
 * is undone and the old knowledge keeps serving. Nothing a moderator sends is lost: a removed
 * story's folder is moved aside (`removed/`), not deleted.
 */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG = 60;

export type StoryChange =
  | { ok: true; kind: 'added'; slug: string; summary: DraftSummary; outcome: RefreshOutcome & { ok: true } }
  | { ok: true; kind: 'updated'; slug: string; outcome: RefreshOutcome & { ok: true } }
  | { ok: true; kind: 'removed'; slug: string; movedTo: string }
  | { ok: false; message: string; outcome?: RefreshOutcome };

/** Why a slug cannot name a story, or undefined if it can. */
export function slugProblem(slug: string): string | undefined {
  if (!SLUG.test(slug) || slug.length > MAX_SLUG) {
    return `The story name must be kebab-case (a-z, 0-9 and single dashes), at most ${MAX_SLUG} characters.`;
  }
  return undefined;
}

/** Why a report's text cannot be drafted, or undefined if it can. */
export function reportProblem(text: string): string | undefined {
  if (Buffer.byteLength(text) > KNOWLEDGE_LIMITS.reportBytes) return 'The report is too large (over 2 MiB).';
  if (/\0/.test(text)) return 'The report is not a text file.';
  if (!/\p{L}{2}/u.test(text)) return 'The report holds no text.';
  return undefined;
}

/**
 * A new story drafted from its report, or a loaded story's report replaced by an updated version
 * (its entries kept: quotes that moved are re-anchored, quotes that are gone are withheld).
 */
export async function addStory(
  store: KnowledgeStore,
  slug: string,
  report: string,
  options: { headline?: string } = {},
): Promise<StoryChange> {
  const bad = slugProblem(slug) ?? reportProblem(report);
  if (bad) return { ok: false, message: bad };
  const dir = path.join(store.dir, 'stories', slug);
  const loaded = store.current.knowledge.stories.some((s) => s.id === slug);
  if (loaded) return updateReport(store, slug, dir, report);
  if (await exists(dir))
    return { ok: false, message: `A folder for “${slug}” exists but is not loaded; a curator should look at it.` };

  // The drafter's NLP libraries load here, on first use, never at start-up.
  const { draftStory } = await import('../draft/draft.js');
  const draft = draftStory(report, options.headline ? { slug, headline: options.headline } : { slug });
  const outcome = await store.change(
    async () => {
      await mkdir(dir, { recursive: true });
      for (const [name, text] of Object.entries(draft.files)) await writeFile(path.join(dir, name), text);
    },
    () => rm(dir, { recursive: true, force: true }),
  );
  if (!outcome.ok) return { ok: false, message: 'The drafted story does not load; nothing changed.', outcome };
  return { ok: true, kind: 'added', slug, summary: draft.summary, outcome };
}

async function updateReport(store: KnowledgeStore, slug: string, dir: string, report: string): Promise<StoryChange> {
  const file = path.join(dir, 'report.txt');
  const before = await readFile(file);
  const outcome = await store.change(
    () => writeFile(file, report),
    () => writeFile(file, before),
  );
  if (!outcome.ok) return { ok: false, message: 'The updated report does not load; nothing changed.', outcome };
  return { ok: true, kind: 'updated', slug, outcome };
}

/**
 * Unloads a story: its folder is moved to `aside` (by default `removed/` beside `stories/`), never
 * deleted. `movedTo` is relative to the knowledge folder, or to `aside`'s base when one is given.
 */
export async function removeStory(
  store: KnowledgeStore,
  slug: string,
  aside?: { dir: string; base: string },
): Promise<StoryChange> {
  const stories = store.current.knowledge.stories;
  if (!stories.some((s) => s.id === slug)) return { ok: false, message: `No story called “${slug}” is loaded.` };
  if (stories.length === 1) return { ok: false, message: 'That is the only story loaded; the bot needs one.' };
  const from = path.join(store.dir, 'stories', slug);
  const dir = aside?.dir ?? path.join(store.dir, 'removed');
  const to = path.join(dir, aside ? slug : `${slug}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  const outcome = await store.change(
    async () => {
      await mkdir(dir, { recursive: true });
      await moveFolder(from, to);
    },
    () => moveFolder(to, from),
  );
  if (!outcome.ok)
    return { ok: false, message: 'Without that story the knowledge does not load; nothing changed.', outcome };
  return { ok: true, kind: 'removed', slug, movedTo: path.relative(aside?.base ?? store.dir, to) };
}

/** Moves a folder, also to another file system (DATA_DIR may be on a volume of its own). */
export async function moveFolder(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    await cp(from, to, { recursive: true, errorOnExist: true, force: false });
    await rm(from, { recursive: true, force: true });
  }
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/** Story folders on disk, loaded or not. */
export async function storyFolders(store: KnowledgeStore): Promise<string[]> {
  return (await readdir(path.join(store.dir, 'stories'), { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
}

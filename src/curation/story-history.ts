import { randomBytes } from 'node:crypto';
import { cp, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ChangeRow } from '../storage/storage.js';
import { removeStory, type StoryChange } from '../stories/manage.js';
import type { Actor, Curator, UndoOutcome } from './curator.js';

/** The change-history kind of `/story remove`. */
export const STORY_REMOVAL = 'remove-story';

/**
 * `/story remove` as a curator's change: the story's folder is moved under
 * DATA_DIR/history/<stamp>/stories/<slug> (never deleted) and the change recorded with the
 * moderator who made it, so `undo` (from Discord or `npm run curate -- undo`) brings it back.
 */
export async function removeStoryWithHistory(
  curator: Curator,
  slug: string,
  actor: Actor,
): Promise<StoryChange & { changeId?: number }> {
  const at = curator.now();
  const folder = path.posix.join('history', `${stamp(at)}-${randomBytes(3).toString('hex')}`, 'stories');
  const entries = curator.store.current.knowledge.entries.filter((e) => e.story === slug).map((e) => e.id);
  const change = await removeStory(curator.store, slug, {
    dir: path.join(curator.dataDir, folder),
    base: curator.dataDir,
  });
  if (!change.ok) return change;
  const changeId = await curator.storage.recordChange({
    changedAt: at,
    kind: STORY_REMOVAL,
    actorId: actor.id,
    actorName: actor.name,
    file: path.posix.join('stories', slug),
    entries,
    previousPath: path.posix.join(folder, slug),
    undoes: null,
  });
  return { ...change, changeId };
}

/**
 * Undoes a story's removal: its folder is copied back from the history (the copy there is kept),
 * the knowledge reloaded, and the undo recorded. Refused when a folder of that name is back already
 * or the story no longer loads beside the others; then nothing changes.
 */
export async function restoreRemovedStory(curator: Curator, change: ChangeRow, actor: Actor): Promise<UndoOutcome> {
  const from = path.join(curator.dataDir, change.previousPath);
  const to = path.join(curator.store.dir, change.file);
  if (await exists(to)) {
    return { ok: false, reason: `${change.file} is in the knowledge folder again; nothing changed.` };
  }
  if (!(await exists(from))) {
    return { ok: false, reason: `The removed story's files are gone from ${change.previousPath}; nothing changed.` };
  }
  const outcome = await curator.store.change(
    () => cp(from, to, { recursive: true }),
    () => rm(to, { recursive: true, force: true }),
  );
  if (!outcome.ok) {
    return { ok: false, reason: 'The story would not load again; nothing changed.', problems: outcome.problems };
  }
  const at = curator.now();
  const changeId = await curator.storage.recordChange({
    changedAt: at,
    kind: 'undo',
    actorId: actor.id,
    actorName: actor.name,
    file: change.file,
    entries: change.entries,
    previousPath: '',
    undoes: change.id,
  });
  await curator.storage.markUndone(change.id, at);
  return { ok: true, changeId, diff: outcome.diff, undone: change };
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}

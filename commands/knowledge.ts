import {
  actorOf,
  describeApplied,
  describeHistory,
  describeImport,
  describeRefusal,
  describeUndo,
} from '../src/curation/describe.js';
import { CURATION_LIMITS } from '../src/curation/curator.js';
import {
  attachmentName,
  attachmentSize,
  type Command,
  type CommandContext,
  type ComponentHandler,
} from '../src/dispatch/command.js';
import type { Reply } from '../src/dispatch/reply.js';
import { completeStories } from '../src/engine/complete.js';

const ACTIONS = ['export', 'import', 'undo', 'history'] as const;
/** Changes /knowledge history lists. */
const HISTORY = 15;

const info = (d: { title: string; lines: string[] }, extra: Partial<Extract<Reply, { type: 'info' }>> = {}): Reply => ({
  type: 'info',
  ...d,
  ephemeral: true,
  ...extra,
});

/** The story a moderator means: the one named, else the channel's pinned one, else the only one. */
function storyOf({ store, pins, invoker }: CommandContext, named: string): string | null {
  if (named) return named;
  const pinned = pins?.get(invoker.channelId);
  if (pinned) return pinned;
  const stories = store.current.knowledge.stories;
  return stories.length === 1 ? stories[0]!.id : null;
}

async function exportFiles(ctx: CommandContext, named: string): Promise<Reply> {
  const story = storyOf(ctx, named);
  if (!story) return info({ title: 'Nothing exported', lines: ['There are several stories: say which one.'] });
  const files = await ctx.curation!.curator.exportFiles(story);
  if (!Array.isArray(files)) return info(describeRefusal('Nothing exported', files));
  return info(
    { title: `Knowledge of ${story}`, lines: files.map((f) => `${f.name} (${Buffer.byteLength(f.text)} bytes)`) },
    { files },
  );
}

async function importFile(ctx: CommandContext, options: Readonly<Record<string, string>>): Promise<Reply> {
  const name = options[attachmentName('file')] ?? '';
  const size = Number(options[attachmentSize('file')] ?? 0);
  const refused = (reason: string) => info(describeRefusal('Import refused: nothing changed', { ok: false, reason }));
  if (!name) return refused('Attach the knowledge file to import as `file`.');
  if (size > CURATION_LIMITS.importBytes) {
    return refused(
      `${name.slice(0, 60)} is ${Math.ceil(size / 1024)} KiB, over the limit of ${CURATION_LIMITS.importBytes / 1024} KiB.`,
    );
  }
  const text = options.file ?? '';
  if (!text && size > 0) return refused(`${name.slice(0, 60)} is not a UTF-8 text file.`);
  const story = options.story?.trim() || null;
  const preview = await ctx.curation!.curator.previewImport(name, new TextEncoder().encode(text), story);
  if (!preview.ok) return info(describeImport(preview));
  return info(describeImport(preview), {
    buttons: [
      { id: `kn:apply:${preview.token}`, label: 'Apply', style: 'primary' },
      { id: `kn:cancel:${preview.token}`, label: 'Cancel', style: 'secondary' },
    ],
  });
}

/** Apply and Cancel under an import's preview. */
const importButtons: ComponentHandler = {
  prefix: 'kn',
  access: 'moderators',
  defer: 'private',
  replaces: true,
  run: async ({ curation, invoker }, customId) => {
    const m = /^kn:(apply|cancel):([\w-]{1,40})$/.exec(customId);
    if (!m || !curation)
      return { type: 'notice', reason: 'invalid_component', text: 'This button is no longer valid.' };
    if (m[1] === 'cancel') {
      const had = await curation.curator.cancelImport(m[2]!);
      return info({
        title: 'Import cancelled',
        lines: [had ? 'Nothing was written.' : 'It had already expired or been applied or cancelled.'],
      });
    }
    const applied = await curation.curator.applyImport(m[2]!, actorOf(invoker));
    if (!applied.ok) return info(describeRefusal('Import not applied: nothing changed', applied));
    return info(describeApplied('Imported and swapped in', applied.changeId, applied.diff));
  },
};

/**
 * Moderators keep the knowledge without shell access: `export` sends a story's files, `import`
 * checks an attached file with the rest of the folder and shows the diff with Apply and Cancel,
 * `undo` puts back the file as it was before the latest change, `history` lists the changes.
 */
export default {
  name: 'knowledge',
  description: 'Moderators: export, import (with a preview), undo, or list changes to the knowledge files',
  options: [
    {
      name: 'action',
      description: 'export, import, undo or history',
      required: true,
      maxLength: 10,
      choices: ACTIONS,
    },
    {
      name: 'file',
      description: 'import: the knowledge file (qa.yaml, people.yaml…)',
      required: false,
      attachment: true,
    },
    {
      name: 'story',
      description: 'export, import: which story, when several are loaded',
      required: false,
      maxLength: 200,
      autocomplete: true,
    },
  ],
  access: 'moderators',
  // Validating a folder, writing and swapping may take a moment; everything is for the moderator.
  defer: 'private',
  cooldown: 'none',
  run: async (ctx, options) => {
    if (!ctx.curation) return info({ title: 'Knowledge', lines: ['No curator here.'] });
    switch (options.action) {
      case 'export':
        return exportFiles(ctx, options.story?.trim() ?? '');
      case 'import':
        return importFile(ctx, options);
      case 'undo':
        return info(describeUndo(await ctx.curation.curator.undo(actorOf(ctx.invoker))));
      default:
        return info(describeHistory(await ctx.curation.storage.changes(HISTORY)));
    }
  },
  autocomplete: ({ kb, typed, limit }) =>
    completeStories(kb, typed, limit).map((c) => ({ name: c.label, value: c.id })),
  components: [importButtons],
} satisfies Command;

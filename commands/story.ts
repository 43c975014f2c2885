import { actorOf } from '../src/curation/describe.js';
import type { Command } from '../src/dispatch/command.js';
import { completeStories } from '../src/engine/complete.js';
import { addStory, MAX_SLUG, removeStory } from '../src/stories/manage.js';

const ACTIONS = ['add', 'remove', 'pin', 'unpin'] as const;

/**
 * Moderators manage the stories: `add` drafts a story from an attached report (or replaces a loaded
 * story's report with an updated version), `remove` unloads one, `pin` makes this channel's
 * questions go to a story first, `unpin` undoes that.
 */
export default {
  name: 'story',
  description: 'Moderators: add a story from its report, remove one, or pin one to this channel',
  options: [
    { name: 'action', description: 'add, remove, pin or unpin', required: true, maxLength: 10, choices: ACTIONS },
    {
      name: 'name',
      description: 'The story: its short name (kebab-case)',
      required: false,
      maxLength: MAX_SLUG,
      autocomplete: true,
    },
    { name: 'report', description: 'add: the report, as a text file', required: false, attachment: true },
    { name: 'headline', description: 'add: the report’s headline, if it has one', required: false, maxLength: 200 },
  ],
  access: 'moderators',
  // Drafting takes a second or two; the outcome is for the moderator.
  defer: 'private',
  cooldown: 'member',
  run: async ({ store, curation, invoker }, options) => {
    const pins = curation?.pins;
    const name = options.name?.trim() ?? '';
    const info = (title: string, lines: string[]) => ({ type: 'info' as const, title, lines, ephemeral: true });
    switch (options.action) {
      case 'add': {
        if (!name || !options.report)
          return info('Story not added', ['Give the story a `name` and attach its `report` as a text file.']);
        const change = await addStory(
          store,
          name,
          options.report,
          options.headline ? { headline: options.headline } : {},
        );
        if (!change.ok) {
          return change.outcome && !change.outcome.ok
            ? { type: 'refresh', outcome: change.outcome }
            : info('Story not added', [change.message]);
        }
        if (change.kind === 'added') {
          const s = change.summary;
          return info(`Story added: ${name}`, [
            `Drafted and loaded: ${s.sentences} sentences, ${s.people.length} people, ${s.events.length} time expressions, ${s.voices.length} voices.`,
            `People: ${s.people.join(', ') || 'none'}.`,
            `Times: ${s.events.join(', ') || 'none'}.`,
            `Voices: ${s.voices.join('; ')}.`,
            'Every entry is marked as a draft until a curator checks it.',
          ]);
        }
        // An updated report for a loaded story: what was re-anchored, and what is withheld.
        return change.kind === 'updated' ? { type: 'refresh', outcome: change.outcome } : info('Story', []);
      }
      case 'remove': {
        // With the bot's state open, the removal is a curator's change: kept in DATA_DIR, undoable.
        const change = curation
          ? await curation.curator.removeStory(name, actorOf(invoker))
          : await removeStory(store, name);
        if (!change.ok) return info('Story not removed', [change.message]);
        const where = change.kind === 'removed' ? change.movedTo : '';
        return info(`Story removed: ${name}`, [
          curation
            ? `Unloaded; its files are kept in the data folder (${where}). A curator can undo this.`
            : `Unloaded; its files were moved to ${where}.`,
        ]);
      }
      case 'pin': {
        if (!pins || !invoker.channelId)
          return info('Not pinned', ['Stories are pinned to a channel; run this in one.']);
        const story = store.current.knowledge.stories.find((s) => s.id === name);
        if (!story) return info('Not pinned', [`No story called “${name}” is loaded.`]);
        await pins.pin(invoker.channelId, story.id);
        return info('Story pinned', [`Questions in this channel now go to “${story.title}” first.`]);
      }
      case 'unpin': {
        const had = pins && invoker.channelId ? await pins.unpin(invoker.channelId) : false;
        return info(had ? 'Story unpinned' : 'Nothing to unpin', [
          had ? 'Questions here go to whichever story answers them best.' : 'This channel has no pinned story.',
        ]);
      }
      default:
        // No action (a console line, an old client): say what there is, and change nothing.
        return info('Which action?', [`Give an \`action\`: ${ACTIONS.join(', ')}.`]);
    }
  },
  autocomplete: ({ kb, typed, limit }) =>
    completeStories(kb, typed, limit).map((c) => ({ name: c.label, value: c.id })),
} satisfies Command;

import type { Command } from '../src/dispatch/command.js';
import type { EntryKind } from '../src/knowledge/types.js';

export default {
  name: 'about',
  description: 'The stories this bot answers about, and what it knows',
  options: [],
  access: 'everyone',
  defer: false,
  cooldown: 'member',
  run: ({ store }) => {
    const { knowledge } = store.current;
    const many = knowledge.stories.length > 1;
    const lines = knowledge.stories.flatMap((s) => {
      const entries = knowledge.entries.filter((e) => e.story === s.id);
      const count = (kind: EntryKind) => entries.filter((e) => e.kind === kind).length;
      const drafts = entries.filter((e) => e.draft).length;
      return [
        many ? `**${s.title}** (\`${s.id}\`)` : s.title,
        `${s.dateline}, carried by ${s.agency}${s.outlets.length ? `; relays ${s.outlets.join(' and ')}` : ''}. ${s.publishedNote}`,
        `${s.lines.length} report lines; ${count('qa')} questions, ${count('person')} people, ${count('event')} dated events, ${count('gap')} things the report does not say.` +
          (drafts ? ` ${drafts} of these are drafts a curator has not yet checked.` : ''),
      ];
    });
    lines.push(
      many
        ? 'Each answer names its story; add `story:` to /ask, /who, /when or /source to choose one.'
        : 'Every answer quotes the line it comes from.',
      'Try /ask, /who, /when or /source. When the report does not say, I say so.',
    );
    return {
      type: 'info',
      title: many ? `About storybot: ${knowledge.stories.length} stories` : 'About storybot',
      lines,
      ephemeral: true,
    };
  },
} satisfies Command;

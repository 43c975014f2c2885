import type { Command } from '../src/dispatch/command.js';
import type { EntryKind } from '../src/knowledge/types.js';

export default {
  name: 'about',
  description: 'The story this bot answers about, and what it knows',
  options: [],
  access: 'everyone',
  defer: false,
  cooldown: 'member',
  run: ({ store }) => {
    const { knowledge } = store.current;
    const count = (kind: EntryKind) => knowledge.entries.filter((e) => e.kind === kind).length;
    const lines = knowledge.stories.flatMap((s) => [
      s.title,
      `${s.dateline}, carried by ${s.agency}; relays ${s.outlets.join(' and ')}. ${s.publishedNote}`,
      `The report has ${s.lines.length} lines; every answer quotes the line it comes from.`,
    ]);
    lines.push(
      `I know ${count('qa')} questions, ${count('person')} people, ${count('event')} dated events, and ${count('gap')} things the report does not say.`,
      'Try /ask, /who, /when or /source. When the report does not say, I say so.',
    );
    return { type: 'info', title: 'About storybot', lines, ephemeral: true };
  },
} satisfies Command;

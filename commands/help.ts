import type { BotCommand } from '../src/bot/command.js';

export default {
  name: 'help',
  description: 'How to ask storybot about the story',
  options: [],
  run: ({ commands, invoker }) => ({
    type: 'info',
    title: 'storybot commands',
    lines: commands
      .filter((c) => !c.moderatorOnly || invoker.isModerator)
      .map((c) => `/${c.name}${c.options.map((o) => ` <${o.name}>`).join('')}: ${c.description}`),
    ephemeral: true,
  }),
} satisfies BotCommand;

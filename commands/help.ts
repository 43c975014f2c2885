import type { Command } from '../src/dispatch/command.js';

export default {
  name: 'help',
  description: 'How to ask storybot about the story',
  options: [],
  access: 'everyone',
  defer: false,
  cooldown: 'member',
  run: ({ commands, invoker }) => ({
    type: 'info',
    title: 'storybot commands',
    lines: commands
      .filter((c) => c.access === 'everyone' || invoker.isModerator)
      .map((c) => `/${c.name}${c.options.map((o) => ` <${o.name}>`).join('')}: ${c.description}`),
    ephemeral: true,
  }),
} satisfies Command;

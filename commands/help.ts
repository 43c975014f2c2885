import type { Command } from '../src/dispatch/command.js';
import { MESSAGE_COMMAND } from '../src/dispatch/message-question.js';

/** The ways to ask without a command, all answered as /ask (src/dispatch/message-question.ts). */
const OTHER_WAYS = [
  'In Discord you can also ask without a command:',
  '• Mention storybot in a message with your question, or send it a DM.',
  '• Reply to one of its answers to follow up (“when did he arrive?”).',
  `• Right-click any message → Apps → ${MESSAGE_COMMAND} to answer that message's question.`,
];

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
    lines: [
      ...commands
        .filter((c) => c.access === 'everyone' || invoker.isModerator)
        .map((c) => `/${c.name}${c.options.map((o) => ` <${o.name}>`).join('')}: ${c.description}`),
      ...(commands.some((c) => c.name === 'ask') ? ['', ...OTHER_WAYS] : []),
    ],
    ephemeral: true,
  }),
} satisfies Command;

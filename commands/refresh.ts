import type { BotCommand } from '../src/bot/command.js';

export default {
  name: 'refresh',
  description: 'Moderators: reload the knowledge files, and see what changed',
  options: [],
  moderatorOnly: true,
  run: async ({ store, invoker }) => {
    // Checked here as well as by Discord's default permission: server admins can override those.
    if (!invoker.isModerator) {
      return {
        type: 'info',
        title: 'Not allowed',
        lines: ['Only moderators can refresh the knowledge.'],
        ephemeral: true,
      };
    }
    return { type: 'refresh', outcome: await store.refresh() };
  },
} satisfies BotCommand;

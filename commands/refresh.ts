import type { Command } from '../src/dispatch/command.js';

export default {
  name: 'refresh',
  description: 'Moderators: reload the knowledge files, and see what changed',
  options: [],
  // Checked by the dispatcher on every run, as well as by Discord's default permission: server admins can override those.
  access: 'moderators',
  // Reloading may take longer than Discord's 3 seconds; the report is for the moderator only.
  defer: 'private',
  cooldown: 'member',
  run: async ({ store }) => ({ type: 'refresh', outcome: await store.refresh() }),
} satisfies Command;

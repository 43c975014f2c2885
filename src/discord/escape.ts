import { escapeMarkdown } from 'discord.js';

/**
 * Text shown on Discord that may hold what a member typed: no markdown, no mention, no link can
 * render from it. (Mentions are also disabled on every message with `allowedMentions`; this keeps
 * `@everyone` from even looking like one.)
 */
export function escapeForDiscord(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true })
    .replace(/@/g, '@\u200b')
    .replace(/<(?=[@#:&!])/g, '<\u200b')
    .replace(/\b(https?|discord)(:\/\/)/gi, '$1\u200b$2')
    .replace(/\bdiscord\.gg\//gi, 'discord\u200b.gg/');
}

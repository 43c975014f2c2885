import { escapeMarkdown } from 'discord.js';

/**
 * Text shown on Discord that may hold what a member typed: no markdown, no mention, no link can
 * render from it. (Mentions are also disabled on every message with `allowedMentions`; this keeps
 * `@everyone` from even looking like one.)
 *
 * Most of what a reply shows is the knowledge's own text (answers, quotes, titles), the same
 * strings reply after reply, so each is escaped once and remembered: escaping was most of the
 * cost of rendering a reply. The memory is bounded in characters, oldest forgotten first.
 */
export function escapeForDiscord(text: string): string {
  const hit = remembered.get(text);
  if (hit !== undefined) return hit;
  const escaped = escape(text);
  remember(text, escaped);
  return escaped;
}

/** At most this many characters of text are remembered, escaped and not (about 4 MB). */
const REMEMBER_CHARS = 1_000_000;
const remembered = new Map<string, string>();
let rememberedChars = 0;

function remember(text: string, escaped: string): void {
  const size = text.length + escaped.length;
  if (size > REMEMBER_CHARS / 100) return;
  while (rememberedChars + size > REMEMBER_CHARS) {
    const [oldest, value] = remembered.entries().next().value!;
    remembered.delete(oldest);
    rememberedChars -= oldest.length + value.length;
  }
  remembered.set(text, escaped);
  rememberedChars += size;
}

function escape(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true })
    .replace(/@/g, '@\u200b')
    .replace(/<(?=[@#:&!])/g, '<\u200b')
    .replace(/\b(https?|discord)(:\/\/)/gi, '$1\u200b$2')
    .replace(/\bdiscord\.gg\//gi, 'discord\u200b.gg/');
}

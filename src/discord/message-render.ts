import type { InteractionReplyOptions, MessageReplyOptions } from 'discord.js';
import type { Reply } from '../dispatch/reply.js';
import { clip } from '../dispatch/text.js';
import { escapeForDiscord } from './escape.js';
import { LIMITS } from './limits.js';
import { NO_MENTIONS, renderReply } from './render.js';

/**
 * A reply to a question asked in a message, as a reply to that message: the same embed as the
 * slash command's, pinging nobody (its author included). A message cannot be private, so a
 * decline or a refusal is a short public reply. A follow-up that could not be resolved says, above
 * the answer, what it was taken to mean.
 */
export function renderMessageReply(reply: Reply, meaning: string | null = null): MessageReplyOptions {
  const { flags: _private, content, embeds, components } = renderReply(reply);
  const text = [meaning ? escapeForDiscord(meaning) : '', content ?? ''].filter(Boolean).join('\n');
  return {
    ...(text ? { content: clip(text, LIMITS.content) } : {}),
    ...(embeds ? { embeds: embeds as MessageReplyOptions['embeds'] } : {}),
    ...(components ? { components: components as MessageReplyOptions['components'] } : {}),
    allowedMentions: NO_MENTIONS,
  };
}

/**
 * The "Ask storybot" message command's reply: public when answered, naming who asked for it and
 * whose message it answers (mentions shown, nobody pinged); private when it declines.
 */
export function renderMessageCommandReply(
  reply: Reply,
  askerId: string,
  authorId: string | undefined,
  meaning: string | null = null,
): InteractionReplyOptions {
  const message = renderReply(reply);
  if (message.flags !== undefined) return message;
  const about = authorId ? ` about <@${authorId}>'s message` : '';
  const text = [`Asked by <@${askerId}>${about}.`, meaning ? escapeForDiscord(meaning) : '', message.content ?? '']
    .filter(Boolean)
    .join('\n');
  return { ...message, content: clip(text, LIMITS.content), allowedMentions: NO_MENTIONS };
}

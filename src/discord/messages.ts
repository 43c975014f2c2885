import type { Message } from 'discord.js';
import type { Dispatcher } from '../dispatch/dispatcher.js';
import type { Logger } from '../logger.js';
import { renderMessageReply } from './message-render.js';

/**
 * The gateway adapter for questions asked in messages: a message that mentions the bot, or a DM,
 * becomes a dispatcher request, and its reply a reply to that message. Every other message is
 * never read: the bot asks Discord for no message content (no privileged intent), and Discord
 * gives it only the content of mentions and DMs.
 */
export interface MessageDeps {
  dispatcher: Dispatcher;
  log: Logger;
}

/** Every message the gateway delivers comes through here; nothing it does can throw past it. */
export async function handleMessage(message: Message, deps: MessageDeps): Promise<void> {
  const me = message.client.user.id;
  // Bots (this one included), webhooks and system messages are never answered: no bot loops.
  if (message.author.bot || message.webhookId || message.system || message.author.id === me) return;
  const isDm = !message.inGuild();
  // A user mention of the bot, or a reply that pings it; not @everyone or a role.
  if (!isDm && !message.mentions.users.has(me)) return;
  const admission = deps.dispatcher.admit();
  // Past capacity a mention goes unanswered rather than adding a reply to a flooded channel.
  if (!admission || admission.busy) {
    admission?.release();
    deps.log.warn({ source: 'discord', message: message.id, status: 'dropped' }, 'over capacity: mention dropped');
    return;
  }
  try {
    const repliedToBot = message.reference?.messageId && message.mentions.repliedUser?.id === me;
    const outcome = await deps.dispatcher.dispatchMessage({
      kind: 'message',
      source: 'discord',
      id: message.id,
      messageId: message.id,
      invoker: {
        id: message.author.id,
        // Moderator-only commands are not reachable from a message: nobody needs to be one here.
        isModerator: false,
        ...(message.guildId ? { guildId: message.guildId } : {}),
        channelId: message.channelId,
      },
      text: withoutMention(message.content, me),
      via: isDm ? 'dm' : 'mention',
      ...(repliedToBot ? { replyTo: message.reference!.messageId!, ...shownQuestion(message) } : {}),
    });
    if (!outcome.answered) return;
    const sent = await message.reply(renderMessageReply(outcome.reply, outcome.meaning));
    await outcome.remember(sent.id);
  } catch (err) {
    // No interaction to apologise through: a reply could fail the same way. Log once.
    deps.log.error(
      { err, source: 'discord', message: message.id, channel: message.channelId },
      'could not answer a message',
    );
  } finally {
    admission.release();
  }
}

/**
 * The question the bot's answer being replied to showed as its title (“…”), unescaped: Discord
 * includes the replied-to message, and a bot always sees its own messages' content.
 */
function shownQuestion(message: Message): { repliedQuestion?: string } {
  const replied = message.channel.messages.cache.get(message.reference?.messageId ?? '');
  const title = replied?.embeds[0]?.title?.replace(/^“|”$/g, '').replace(/\\([\\*_`~|>#[\]()-])/g, '$1');
  return title ? { repliedQuestion: title } : {};
}

/** The message's text without the bot's own mention (`<@id>` or the older `<@!id>`). */
export function withoutMention(content: string, botId: string): string {
  return content
    .replace(new RegExp(`<@!?${botId}>`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

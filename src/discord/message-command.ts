import type { MessageContextMenuCommandInteraction } from 'discord.js';
import type { Dispatcher } from '../dispatch/dispatcher.js';
import { MESSAGE_COMMAND } from '../dispatch/message-question.js';
import type { Reply } from '../dispatch/reply.js';
import { notice } from '../dispatch/reply.js';
import { renderMessageCommandReply } from './message-render.js';

/** A target message with no text (only an image or an embed): nothing to ask. */
export const NO_TEXT = 'That message has no text to ask about.';

/**
 * The "Ask storybot" message command on the gateway: the target message's text is asked as a
 * question, through the dispatcher like a mention, and answered as the interaction's response.
 */
export async function askAboutMessage(
  interaction: MessageContextMenuCommandInteraction,
  deps: { dispatcher: Dispatcher },
  invoker: { id: string; isModerator: boolean; guildId?: string; channelId?: string },
): Promise<void> {
  const target = interaction.targetMessage;
  const reply = await messageCommandReply(deps.dispatcher, {
    id: interaction.id,
    source: 'discord',
    invoker,
    text: target.content,
  });
  await interaction.reply(renderMessageCommandReply(reply.reply, invoker.id, target.author?.id, reply.meaning));
}

/** What the message command answers, for either transport: the target's text asked as `/ask`. */
export async function messageCommandReply(
  dispatcher: Dispatcher,
  request: {
    id: string;
    source: string;
    invoker: Parameters<Dispatcher['dispatchMessage']>[0]['invoker'];
    text: string;
  },
): Promise<{ reply: Reply; meaning: string | null }> {
  if (!request.text.trim()) return { reply: notice('refused', NO_TEXT), meaning: null };
  const outcome = await dispatcher.dispatchMessage({ kind: 'message', via: 'message-command', ...request });
  // Only mentions are limited per channel or claimed per message, so this is always answered.
  return outcome.answered
    ? { reply: outcome.reply, meaning: outcome.meaning }
    : { reply: notice('refused', `${MESSAGE_COMMAND} could not answer that message.`), meaning: null };
}

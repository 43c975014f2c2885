import { InteractionResponseType, type APIInteraction, type APIMessage } from 'discord-api-types/v10';
import type { Invoker } from '../dispatch/command.js';
import { messageCommandReply } from '../discord/message-command.js';
import { renderMessageCommandReply } from '../discord/message-render.js';
import type { Handled } from './server.js';
import { toMessage, type HttpInteractionDeps } from './interactions.js';

/**
 * The "Ask storybot" message command over HTTP: the target message (Discord sends it resolved,
 * text included) is asked as a question, answered in the HTTP response like the gateway does.
 */
export async function httpMessageCommand(
  interaction: APIInteraction,
  invoker: Invoker,
  deps: HttpInteractionDeps,
): Promise<Handled> {
  const data = interaction.data as { target_id?: string; resolved?: { messages?: Record<string, APIMessage> } };
  const target = data.target_id ? data.resolved?.messages?.[data.target_id] : undefined;
  const { reply, meaning } = await messageCommandReply(deps.dispatcher, {
    id: interaction.id,
    source: 'http',
    invoker,
    text: target?.content ?? '',
  });
  return {
    response: {
      type: InteractionResponseType.ChannelMessageWithSource,
      data: toMessage(renderMessageCommandReply(reply, invoker.id, target?.author?.id, meaning)),
    },
  };
}

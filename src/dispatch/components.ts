import { feedbackButtonId, parseFeedbackButtonId, recordFeedback } from '../curation/feedback.js';
import type { Curation } from '../curation/services.js';
import type { Command, CommandContext, ComponentHandler, Invoker } from './command.js';
import { notice, type Reply } from './reply.js';

/**
 * Buttons are requests too: a press that is not a did-you-mean pick comes to the dispatcher as a
 * `ComponentRequest`, and the handler whose prefix starts its custom id answers it. The
 * "Helpful" / "Not helpful" buttons under every public answer are built in; commands add their own.
 */
export interface ComponentRequest {
  kind: 'component';
  source: string;
  invoker: Invoker;
  id?: string;
  customId: string;
}

export const INVALID_COMPONENT = 'This button is no longer valid. Please ask again.';

/** A vote on an answer: one per member per answer, a second click changes it, acknowledged privately. */
export const feedbackButtons: ComponentHandler = {
  prefix: 'fb',
  access: 'everyone',
  defer: false,
  run: async ({ curation, store, invoker }, customId) => {
    const vote = parseFeedbackButtonId(customId);
    if (!vote) return notice('invalid_component', INVALID_COMPONENT);
    if (!curation) return notice('refused', 'Feedback is not recorded here.');
    const story = store.current.knowledge.entries.find((e) => e.id === vote.entry)?.story ?? null;
    const text = await recordFeedback(curation.storage, curation.questions, { ...vote, story, userId: invoker.id });
    return { type: 'info', title: 'Feedback', lines: [text], ephemeral: true };
  },
};

/** Every handler by its prefix: the built-in feedback buttons, then each command's own. */
export function componentHandlers(commands: readonly Command[]): ReadonlyMap<string, ComponentHandler> {
  const handlers = [feedbackButtons, ...commands.flatMap((c) => c.components ?? [])];
  return new Map(handlers.map((h) => [h.prefix, h]));
}

export async function pressComponent(
  handler: ComponentHandler | undefined,
  request: ComponentRequest,
  ctx: CommandContext,
): Promise<Reply> {
  // An old message, another bot version's button, or a crafted id: say so rather than let Discord say "failed".
  if (!handler) return notice('invalid_component', INVALID_COMPONENT);
  if (handler.access === 'moderators' && !request.invoker.isModerator) {
    return notice('refused', 'Only moderators can use this button.');
  }
  return handler.run(ctx, request.customId);
}

/**
 * A public answer to a member, on a transport with ids and with state to keep votes in, carries
 * its id (the request's, under which its question was logged), so it is shown with feedback buttons.
 */
export function feedbackOn(
  reply: Reply,
  request: { kind: string; id?: string },
  curation: Curation | undefined,
): Reply {
  if (!curation || !request.id || reply.type !== 'answer') return reply;
  if (request.kind !== 'command' && request.kind !== 'pick') return reply;
  const { entry, status } = reply.answer;
  if (!entry || status === 'not_found' || !feedbackButtonId(request.id, entry, true)) return reply;
  return { ...reply, answerId: request.id };
}

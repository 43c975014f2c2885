import { conversationOf, followUp } from '../engine/follow-up.js';
import { MAX_QUERY_LENGTH } from '../engine/answer.js';
import type { KnowledgeStore } from '../knowledge/store.js';
import type { Invoker } from './command.js';
import { Conversations } from './conversations.js';
import type { CommandRequest } from './dispatcher.js';
import type { Reply } from './reply.js';

/**
 * A question asked the way people talk rather than with a slash command: a message that mentions
 * the bot, a DM, or someone's message pointed at with the "Ask storybot" message command. It is
 * answered as `/ask` (the same cooldown, length limit, logging and question log), after two checks
 * of its own: a message is answered once however often it is delivered, and a channel gets at most
 * `MESSAGE_LIMITS.perChannel` mention answers (see `Conversations`). A reply to one of the bot's answers is a follow-up,
 * resolved by the engine from what that answer was about.
 */
/** The name of the message command, as members see it in a message's Apps menu. */
export const MESSAGE_COMMAND = 'Ask storybot';

export type MessageVia = 'mention' | 'dm' | 'message-command';

export interface MessageRequest {
  kind: 'message';
  source: string;
  invoker: Invoker;
  /** The transport's id for the request, for logs: the message's, or the interaction's. */
  id?: string;
  /** The question: the message's text, the bot's mention taken out. */
  text: string;
  via: MessageVia;
  /** The message's own id: answered only the first time it arrives. */
  messageId?: string;
  /** The id of the bot's answer this message replies to: a follow-up to it. */
  replyTo?: string;
  /**
   * The question that answer showed (its title), when the transport has it: the context of a
   * follow-up to an answer the bot did not keep (a slash command's, or one from before a restart).
   */
  repliedQuestion?: string;
}

export type MessageOutcome =
  /** Not answered: delivered before, or the channel has had its share of answers. Send nothing. */
  | { answered: false; reason: 'duplicate' | 'channel_rate' }
  | {
      answered: true;
      reply: Reply;
      /** What a follow-up that could not be resolved was taken to mean, to show with the reply. */
      meaning: string | null;
      /** Keeps what the answer was about, once sent, so a reply to it can follow up. */
      remember(answerId: string): Promise<void>;
    };

export interface MessageQuestionDeps {
  store: KnowledgeStore;
  conversations?: Conversations;
  /** Answers as the `/ask` command, through the dispatcher. */
  ask(request: CommandRequest): Promise<Reply>;
  /** The longest question `/ask` takes; the engine's limit if it declares none. */
  maxLength?: number | undefined;
  /** Told of a message left unanswered, for the log. */
  ignored(request: MessageRequest, reason: 'duplicate' | 'channel_rate'): void;
}

export class MessageQuestions {
  readonly #deps: MessageQuestionDeps;
  readonly #conversations: Conversations;
  readonly #maxLength: number;

  constructor(deps: MessageQuestionDeps) {
    this.#deps = deps;
    this.#conversations = deps.conversations ?? new Conversations();
    this.#maxLength = deps.maxLength ?? MAX_QUERY_LENGTH;
  }

  async handle(request: MessageRequest): Promise<MessageOutcome> {
    const { invoker, text } = request;
    if (request.messageId && !(await this.#conversations.claim(request.messageId))) {
      return this.#ignore(request, 'duplicate');
    }
    // The message command is an interaction, limited by the member's cooldown; mentions by the channel's too.
    if (
      request.via !== 'message-command' &&
      !(await this.#conversations.withinChannelRate(invoker.channelId ?? invoker.id))
    ) {
      return this.#ignore(request, 'channel_rate');
    }
    let question = text.trim();
    let meaning: string | null = null;
    if (request.replyTo && question.length <= this.#maxLength) {
      const kept = await this.#conversations.recall(request.replyTo);
      const shown = request.repliedQuestion?.slice(0, this.#maxLength);
      const previous = kept ?? (shown ? conversationOf(this.#deps.store.current, shown) : null);
      const resolved = followUp(this.#deps.store.current, previous, question);
      if (resolved.question.length <= this.#maxLength) question = resolved.question;
      meaning = resolved.meaning;
    }
    const reply = await this.#deps.ask({
      kind: 'command',
      source: request.source,
      ...(request.id ? { id: request.id } : {}),
      invoker,
      name: 'ask',
      options: { question },
      via: request.via,
    });
    const entry = reply.type === 'answer' ? reply.answer.entry : null;
    return {
      answered: true,
      reply,
      meaning,
      remember: async (answerId) => {
        if (entry) await this.#conversations.remember(answerId, { entry });
      },
    };
  }

  #ignore(request: MessageRequest, reason: 'duplicate' | 'channel_rate'): MessageOutcome {
    this.#deps.ignored(request, reason);
    return { answered: false, reason };
  }
}

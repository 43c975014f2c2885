import { answer } from '../engine/answer.js';
import type { Curation } from '../curation/services.js';
import type { KnowledgeStore } from '../knowledge/store.js';
import type { PinStore } from '../stories/pins.js';
import { msSince } from '../elapsed.js';
import {
  attachmentName,
  attachmentSize,
  type Choice,
  type Command,
  type CommandContext,
  type ComponentHandler,
  type Invoker,
} from './command.js';
import { componentHandlers, feedbackOn, pressComponent, type ComponentRequest } from './components.js';
import { Cooldown, sharedCooldown, type RateLimiter } from './cooldown.js';
import { DISPATCH_LIMITS } from './limits.js';
import { Conversations } from './conversations.js';
import { MessageQuestions, type MessageOutcome, type MessageRequest } from './message-question.js';
import { notice, statusOf, type Reply } from './reply.js';

/**
 * The one place a request is handled, whatever it came through (Discord, the console, batch mode):
 * look the command up, apply the invoker's cooldown, check option lengths and who may run it, run
 * it, and turn a handler that throws into an apology. Every request ends in one `RequestEvent`, for
 * the log now and anything else that listens (a question log, metrics) later. Transports only turn
 * their input into a `Request` and the `Reply` into their output.
 */

interface RequestBase {
  /** The transport it came through, for logs: `discord`, `console`, `batch`. */
  source: string;
  invoker: Invoker;
  /** The transport's own id for the request (Discord's interaction id), to correlate logs. */
  id?: string;
  /** How a question asked without its command came (a mention, a DM, the message command), for logs. */
  via?: string;
}
export interface CommandRequest extends RequestBase {
  kind: 'command';
  name: string;
  options: Readonly<Record<string, string>>;
}
/** A did-you-mean suggestion picked: answer exactly that entry. */
export interface PickRequest extends RequestBase {
  kind: 'pick';
  entry: string;
  /** When the suggestion was offered (ms since the epoch), if the transport knows: old ones expire. */
  offeredAt?: number;
}
export interface AutocompleteRequest extends RequestBase {
  kind: 'autocomplete';
  name: string;
  typed: string;
  /** The option typed into, when the transport knows it. */
  option?: string;
  /** The most choices the transport can show. */
  limit: number;
}
export type { ComponentRequest } from './components.js';
export type Request = CommandRequest | PickRequest | ComponentRequest;

export type { MessageOutcome, MessageRequest } from './message-question.js';

export interface RequestEvent {
  request: Request | AutocompleteRequest | MessageRequest;
  /** The command name; `pick` for a picked suggestion. */
  command: string;
  /** The answer's status, or the reply's kind (`info`, `refreshed`, `cooldown`, `error`, `choices`…). */
  status: string;
  ms: number;
  /** The entry answered with, if any. */
  entry: string | null;
  reply?: Reply;
  /** What a handler threw; the invoker got an apology. */
  error?: unknown;
}
export type RequestListener = (event: RequestEvent) => void;

export interface DispatcherOptions {
  store: KnowledgeStore;
  commands: readonly Command[];
  /** The budget of a `member` cooldown, per invoker. Null: none (one person at their own console). */
  rate?: { uses: number; perMs: number } | null;
  /** How long a picked suggestion keeps answering after it was offered. */
  pickTtlMs?: number;
  /** Channels' pinned stories, for the transports that have channels. */
  pins?: PinStore;
  /** The bot's state, opened once at start: handed to every command that curates or remembers. */
  curation?: Curation;
  /** Requests answered at once before members are told it is busy; `DISPATCH_LIMITS.inFlight` by default. */
  capacity?: number;
  /** "Busy" replies sent at once before interactions are dropped; `DISPATCH_LIMITS.busyInFlight` by default. */
  busyCapacity?: number;
}

/** A place among the requests being answered, held until the reply is sent. */
export interface Admission {
  /** Past capacity: reply with `busy()` instead of running the request. */
  readonly busy: boolean;
  release(): void;
}

export const APOLOGY = 'Sorry, something went wrong on my side while answering. Please try again in a moment.';
export const BUSY = `I'm answering a lot of questions right now. Please try again in ${DISPATCH_LIMITS.busyRetrySeconds} seconds.`;
/** A name or an event is never longer than this, and fuzzy matching costs with length. */
const MAX_TYPED = 100;

export class Dispatcher {
  readonly store: KnowledgeStore;
  readonly commands: readonly Command[];
  readonly #byName: ReadonlyMap<string, Command>;
  readonly #cooldown: RateLimiter | null;
  readonly #components: ReadonlyMap<string, ComponentHandler>;
  readonly #pickTtlMs: number;
  readonly #pins: PinStore | undefined;
  readonly #curation: Curation | undefined;
  readonly #capacity: number;
  readonly #busyCapacity: number;
  #inFlight = 0;
  #busyInFlight = 0;
  #listeners: RequestListener[] = [];
  readonly #messages: MessageQuestions;

  constructor({
    store,
    commands,
    rate = { uses: 5, perMs: 10_000 },
    pickTtlMs = 60 * 60_000,
    pins,
    curation,
    capacity = DISPATCH_LIMITS.inFlight,
    busyCapacity = DISPATCH_LIMITS.busyInFlight,
  }: DispatcherOptions) {
    this.#pins = pins;
    this.#curation = curation;
    this.#capacity = capacity;
    this.#busyCapacity = busyCapacity;
    this.store = store;
    this.commands = commands;
    this.#byName = new Map(commands.map((c) => [c.name, c]));
    // Several copies of the bot on one PostgreSQL share each member's budget; otherwise it is in memory.
    const local = rate ? new Cooldown(rate.uses, rate.perMs) : null;
    this.#cooldown =
      local && curation?.storage.dialect === 'postgres' ? sharedCooldown(curation.storage, local) : local;
    this.#components = componentHandlers(commands);
    this.#pickTtlMs = pickTtlMs;
    this.#messages = new MessageQuestions({
      store,
      ...(curation ? { conversations: new Conversations(curation.storage) } : {}),
      ask: (request) => this.dispatch(request),
      maxLength: this.find('ask')?.options.find((o) => o.name === 'question')?.maxLength,
      ignored: (request, status) => this.#emit({ request, command: 'ask', status, ms: 0, entry: null }),
    });
  }

  /**
   * A question asked in a message (a mention, a DM, the message command): answered as `/ask`,
   * once per message, within the channel's share; see `MessageQuestions`.
   */
  dispatchMessage(request: MessageRequest): Promise<MessageOutcome> {
    return this.#messages.handle(request);
  }

  find(name: string): Command | undefined {
    return this.#byName.get(name);
  }

  /** What handles a pressed button with this custom id, if anything does. */
  findComponent(customId: string): ComponentHandler | undefined {
    return this.#components.get(customId.slice(0, customId.indexOf(':')));
  }

  /** Calls `listener` after every request; returns a function that stops it. */
  onEvent(listener: RequestListener): () => void {
    this.#listeners.push(listener);
    return () => (this.#listeners = this.#listeners.filter((l) => l !== listener));
  }

  /** Requests admitted to be answered and not yet released. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /**
   * Load shedding, for transports that serve many members at once: a request takes a place when
   * it arrives and releases it once its reply is sent. With every place taken it gets a place to
   * be told it is busy (`busy: true`: reply with `busy()`, which costs almost nothing) rather than
   * queue behind hundreds of others, where every member would wait and memory would grow. With
   * those taken too, none (undefined): drop it, as the last defence of the bot's memory.
   */
  admit(): Admission | undefined {
    if (this.#inFlight < this.#capacity) {
      this.#inFlight++;
      return this.#admission(false, () => this.#inFlight--);
    }
    if (this.#busyInFlight < this.#busyCapacity) {
      this.#busyInFlight++;
      return this.#admission(true, () => this.#busyInFlight--);
    }
    return undefined;
  }

  #admission(busy: boolean, free: () => void): Admission {
    let released = false;
    return {
      busy,
      release: () => {
        if (released) return;
        released = true;
        free();
      },
    };
  }

  /** The short private reply to a request that was not admitted; logged like any other request. */
  busy(request: Request | AutocompleteRequest): Reply {
    const reply = notice('busy', BUSY);
    this.#emit({
      request,
      command: commandOf(request),
      status: 'busy',
      ms: 0,
      entry: null,
      reply,
    });
    return reply;
  }

  async dispatch(request: Request): Promise<Reply> {
    const started = performance.now();
    let reply: Reply;
    let error: unknown;
    try {
      reply =
        request.kind === 'pick'
          ? await this.#pick(request)
          : request.kind === 'component'
            ? await this.#press(request)
            : await this.#command(request);
      reply = feedbackOn(reply, request, this.#curation);
    } catch (err) {
      error = err;
      reply = notice('error', APOLOGY);
    }
    this.#emit({
      request,
      command: commandOf(request),
      status: statusOf(reply),
      ms: msSince(started),
      entry: reply.type === 'answer' ? reply.answer.entry : null,
      reply,
      ...(error === undefined ? {} : { error }),
    });
    return reply;
  }

  /** Choices for what the invoker is typing; none when the command has no autocomplete or it fails. */
  autocomplete(request: AutocompleteRequest): Choice[] {
    const started = performance.now();
    let choices: Choice[] = [];
    let error: unknown;
    try {
      const ctx = {
        kb: this.store.current,
        typed: request.typed.slice(0, MAX_TYPED),
        limit: request.limit,
        ...(request.option ? { option: request.option } : {}),
      };
      choices = (this.find(request.name)?.autocomplete?.(ctx) ?? []).slice(0, request.limit);
    } catch (err) {
      error = err;
    }
    this.#emit({
      request,
      command: request.name,
      status: error === undefined ? 'choices' : 'error',
      ms: msSince(started),
      entry: null,
      ...(error === undefined ? {} : { error }),
    });
    return choices;
  }

  async #command(request: CommandRequest): Promise<Reply> {
    const command = this.find(request.name);
    if (!command) {
      return notice('unknown_command', `There is no /${request.name.slice(0, 32)} command. Type /help for the list.`);
    }
    const wait = command.cooldown === 'member' ? await this.#wait(request.invoker) : 0;
    if (wait > 0) return notice('cooldown', `You're asking quickly. Try again in ${Math.ceil(wait / 1000)} s.`);
    // Discord enforces the registered limits; a stale registration, a crafted request or a console may not.
    const options: Record<string, string> = {};
    for (const spec of command.options) {
      const value = request.options[spec.name] ?? '';
      if (spec.maxLength && value.length > spec.maxLength) {
        return notice('too_long', `Please keep ${spec.name} under ${spec.maxLength} characters.`);
      }
      if (spec.choices && value && !spec.choices.includes(value)) {
        return notice('refused', `${spec.name} must be one of: ${spec.choices.join(', ')}.`);
      }
      if (spec.integer && value && !isIntegerIn(value, spec.integer)) {
        return notice(
          'refused',
          `${spec.name} must be a whole number from ${spec.integer.min} to ${spec.integer.max}.`,
        );
      }
      options[spec.name] = value;
      if (spec.attachment) {
        for (const key of [attachmentName(spec.name), attachmentSize(spec.name)]) {
          if (request.options[key] !== undefined) options[key] = request.options[key];
        }
      }
    }
    if (command.access === 'moderators' && !request.invoker.isModerator) {
      return notice('refused', `Only moderators can use /${command.name}.`);
    }
    return command.run(this.#context(request.invoker), options);
  }

  /** A button press; one anybody may press (a vote) draws on the member's budget like a question. */
  async #press(request: ComponentRequest): Promise<Reply> {
    const handler = this.findComponent(request.customId);
    const wait = handler?.access === 'everyone' ? await this.#wait(request.invoker) : 0;
    if (wait > 0) return notice('cooldown', `You're clicking quickly. Try again in ${Math.ceil(wait / 1000)} s.`);
    return pressComponent(handler, request, this.#context(request.invoker));
  }

  #context(invoker: Invoker): CommandContext {
    return {
      store: this.store,
      invoker,
      commands: this.commands,
      ...(this.#pins ? { pins: this.#pins } : {}),
      ...(this.#curation ? { curation: this.#curation } : {}),
    };
  }

  async #pick(request: PickRequest): Promise<Reply> {
    if (request.offeredAt !== undefined && Date.now() - request.offeredAt > this.#pickTtlMs) {
      return notice('expired_pick', 'That suggestion has expired. Please ask again.');
    }
    const wait = await this.#wait(request.invoker);
    if (wait > 0) return notice('cooldown', `You're asking quickly. Try again in ${Math.ceil(wait / 1000)} s.`);
    const kb = this.store.current;
    return {
      type: 'answer',
      answer: answer(kb, { lookup: 'entry', text: request.entry }),
      question: kb.index.byId.get(request.entry)?.title,
    };
  }

  async #wait(invoker: Invoker): Promise<number> {
    return (await this.#cooldown?.take(invoker.id)) ?? 0;
  }

  #emit(event: RequestEvent): void {
    for (const listener of this.#listeners) {
      // A listener that fails (a full disk under the question log) must not cost the member their answer.
      try {
        listener(event);
      } catch (err) {
        process.emitWarning(`request listener failed: ${(err as Error).message}`);
      }
    }
  }
}

/** The command a request is logged under: its name, `pick`, or the pressed button's prefix. */
function commandOf(request: Request | AutocompleteRequest): string {
  if (request.kind === 'pick') return 'pick';
  if (request.kind === 'component') return `button:${request.customId.split(':')[0]}`;
  return request.name;
}

function isIntegerIn(value: string, { min, max }: { min: number; max: number }): boolean {
  return /^-?\d{1,15}$/.test(value.trim()) && Number(value) >= min && Number(value) <= max;
}

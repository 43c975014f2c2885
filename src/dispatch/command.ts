import { answer, type KnowledgeBase, type Lookup } from '../engine/answer.js';
import { completeStories } from '../engine/complete.js';
import type { Curation } from '../curation/services.js';
import type { KnowledgeStore } from '../knowledge/store.js';
import type { PinStore } from '../stories/pins.js';
import type { Reply } from './reply.js';

/**
 * What a command is, wherever it runs. Each file in `commands/` exports one `Command`; the list in
 * `commands/index.ts` is registered with Discord, dispatched by the `Dispatcher` for every
 * transport, and typed at the console. A command reads its options, asks the engine, and returns a
 * `Reply`; it never formats for Discord or writes to a terminal itself.
 */
export interface Command {
  name: string;
  description: string;
  options: readonly OptionSpec[];
  /** Who may run it. `moderators`: registered hidden behind Manage Server, in servers only, and checked on every run. */
  access: 'everyone' | 'moderators';
  /**
   * Acknowledge first and reply later, for work that may outlast Discord's 3-second window.
   * `private` also keeps the reply to the invoker. `false` for anything that answers at once.
   */
  defer: false | 'public' | 'private';
  /** Uses per invoker: `member` is the shared budget every answer draws on; `none` for no limit. */
  cooldown: 'member' | 'none';
  run(ctx: CommandContext, options: Readonly<Record<string, string>>): Reply | Promise<Reply>;
  /** Suggestions while the invoker types into an option declared with `autocomplete`. */
  autocomplete?(ctx: AutocompleteContext): Choice[];
  /** Buttons this command's replies carry, handled when pressed (an import's Apply and Cancel). */
  components?: readonly ComponentHandler[];
}

/**
 * What a button does when pressed: every custom id that starts with `prefix` and a colon. The
 * dispatcher checks `access` and hands it the whole custom id; the reply goes to the presser.
 */
export interface ComponentHandler {
  prefix: string;
  access: 'everyone' | 'moderators';
  /** As for a command: acknowledge first, for work that may outlast Discord's 3 seconds. */
  defer: false | 'private';
  /**
   * The reply takes the place of the message the button is on (its buttons go with it): for a
   * private message's own controls, such as an import's Apply or a report's next page.
   */
  replaces?: boolean;
  run(ctx: CommandContext, customId: string): Reply | Promise<Reply>;
}

export interface OptionSpec {
  name: string;
  description: string;
  required: boolean;
  /** Registered with Discord, and enforced again by the dispatcher for every transport. */
  maxLength?: number;
  autocomplete?: boolean;
  /** A file the invoker attaches (Discord: an attachment option); the transport passes its text. */
  attachment?: boolean;
  /** The only values allowed, offered as choices. */
  choices?: readonly string[];
  /** A whole number in this range (Discord: an integer option); passed on as its decimal text. */
  integer?: { min: number; max: number };
}

/**
 * Beside an attachment option's text, the transport passes the file's name and size in bytes
 * under these keys, so a command can refuse a wrong or oversized file by name. The text is ''
 * when the transport would not read the file (too big, not text).
 */
export const attachmentName = (option: string) => `${option}.name`;
export const attachmentSize = (option: string) => `${option}.size`;

export interface Invoker {
  id: string;
  /** Their user name, when the transport knows it: kept with a knowledge change they make. */
  name?: string;
  /** Decided by the transport from its own facts (Discord: Manage Server or a moderator role). */
  isModerator: boolean;
  guildId?: string;
  channelId?: string;
}

export interface CommandContext {
  store: KnowledgeStore;
  /** Which story each channel is pinned to, when the transport has channels. */
  pins?: PinStore;
  /** The bot's state (question log, curator, database), when the transport opened it. */
  curation?: Curation;
  invoker: Invoker;
  /** The commands this dispatcher serves, for /help. */
  commands: readonly Command[];
}

export interface AutocompleteContext {
  kb: KnowledgeBase;
  /** The option being typed into, when the command has more than one that autocompletes. */
  option?: string;
  /** What is typed so far. */
  typed: string;
  /** At most this many choices: the transport's own limit. */
  limit: number;
}

export interface Choice {
  name: string;
  value: string;
}

/** The option a lookup command takes: the text to look up. */
export function textOption(name: string, description: string, maxLength: number, autocomplete = false): OptionSpec {
  return { name, description, required: true, maxLength, autocomplete };
}

/** The optional `story` option of the lookup commands: answer from that story only. */
export const STORY_OPTION: OptionSpec = {
  name: 'story',
  description: 'Which story to answer from, when several are loaded',
  required: false,
  maxLength: 200,
  autocomplete: true,
};

/**
 * The handler of a lookup command: the engine answers its text option, shown under what was asked,
 * from the story named in the `story` option if any, else trying the channel's pinned story first.
 */
export function answerWith(lookup: Exclude<Lookup, 'entry'>, option: string): Command['run'] {
  return ({ store, pins, invoker }, options) => {
    const text = options[option] ?? '';
    const story = options.story?.trim();
    const prefer = pins?.get(invoker.channelId);
    const request = { lookup, text, ...(story ? { story } : {}), ...(prefer ? { prefer } : {}) };
    return { type: 'answer', answer: answer(store.current, request), question: text };
  };
}

/** Autocomplete for a lookup command: the `story` option completes story titles, the other its own. */
export function withStoryCompletion(own?: Command['autocomplete']): Command['autocomplete'] {
  return (ctx) =>
    ctx.option === 'story'
      ? completeStories(ctx.kb, ctx.typed, ctx.limit).map((c) => ({ name: c.label, value: c.id }))
      : (own?.(ctx) ?? []);
}

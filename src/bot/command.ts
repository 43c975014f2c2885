import { answer, type Answer, type Lookup, type KnowledgeBase } from '../engine/answer.js';
import { clip } from '../engine/text.js';
import type { KnowledgeStore, RefreshOutcome } from '../knowledge/store.js';

/**
 * What a command is, independent of where it runs: Discord registers and dispatches these, and
 * the local console drives the very same list. A command reads its options, asks the engine, and
 * returns a `Reply`; it never formats for Discord or writes to a terminal itself.
 */
export interface OptionSpec {
  name: string;
  description: string;
  required: boolean;
  /** Enforced by Discord from the registration, and again by the handler. */
  maxLength?: number;
  autocomplete?: boolean;
}

export interface Invoker {
  id: string;
  /** Moderators may refresh the knowledge. Decided by the transport from its own facts. */
  isModerator: boolean;
}

export interface CommandContext {
  store: KnowledgeStore;
  invoker: Invoker;
  commands: readonly BotCommand[];
}

export interface Choice {
  name: string;
  value: string;
}

export type Reply =
  /** An engine answer: shown with its evidence, public unless it is a decline. */
  | { type: 'answer'; answer: Answer }
  /** Anything else: help, about, a refusal, a refresh report. */
  | { type: 'info'; title: string; lines: string[]; ephemeral: boolean }
  /** Knowledge refresh outcome, for whoever asked. */
  | { type: 'refresh'; outcome: RefreshOutcome };

export interface BotCommand {
  name: string;
  description: string;
  options: readonly OptionSpec[];
  /** Only moderators; registered with Manage Server as default permission and guild-only. */
  moderatorOnly?: boolean;
  run(ctx: CommandContext, options: Readonly<Record<string, string>>): Reply | Promise<Reply>;
  autocomplete?(kb: KnowledgeBase, typed: string): Choice[];
}

/** The option most commands take: the text to look up. */
export function textOption(name: string, description: string, maxLength: number, autocomplete = false): OptionSpec {
  return { name, description, required: true, maxLength, autocomplete };
}

export const MAX_CHOICES = 25;
export const MAX_CHOICE_LENGTH = 100;

export function choice(name: string, value: string): Choice {
  return { name: clip(name, MAX_CHOICE_LENGTH), value: clip(value, MAX_CHOICE_LENGTH) };
}

/** The handler of a lookup command: the engine answers its one text option. */
export function answerWith(command: Exclude<Lookup, 'entry'>, option: string): BotCommand['run'] {
  return ({ store }, options) => ({
    type: 'answer',
    answer: answer(store.current, { lookup: command, text: options[option] ?? '' }),
  });
}

import type { Command } from '../src/dispatch/command.js';
import about from './about.js';
import ask from './ask.js';
import help from './help.js';
import knowledge from './knowledge.js';
import refresh from './refresh.js';
import source from './source.js';
import story from './story.js';
import teach from './teach.js';
import unanswered from './unanswered.js';
import when from './when.js';
import who from './who.js';

/**
 * Every command, once: registration with Discord, the dispatcher (src/dispatch/dispatcher.ts) and
 * the console all read this list. A command's shape is `Command` in src/dispatch/command.ts.
 */
export const commands: readonly Command[] = [
  ask,
  who,
  when,
  source,
  about,
  help,
  refresh,
  story,
  unanswered,
  teach,
  knowledge,
];

/** The commands that ask the engine a question, and the option holding it: what the question log records. */
export const QUESTION_OPTIONS: Readonly<Record<string, string>> = {
  ask: 'question',
  who: 'name',
  when: 'event',
  source: 'line',
};

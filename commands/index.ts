import type { BotCommand } from '../src/bot/command.js';
import about from './about.js';
import ask from './ask.js';
import help from './help.js';
import refresh from './refresh.js';
import source from './source.js';
import when from './when.js';
import who from './who.js';

/** Every command, once: registration, Discord dispatch and the local console all read this list. */
export const commands: readonly BotCommand[] = [ask, who, when, source, about, help, refresh];

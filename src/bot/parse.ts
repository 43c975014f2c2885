import type { BotCommand } from './command.js';

/** A typed line (`/who Witkoff`, or a bare question) read as a command and its options. */
export type ParsedLine =
  { ok: true; command: BotCommand; options: Record<string, string> } | { ok: false; name: string; message: string };

/**
 * Reads a line the way the console and batch mode accept it. A bare question is `/ask`; the text
 * after a command name fills that command's one text option.
 */
export function parseLine(line: string, commands: readonly BotCommand[]): ParsedLine {
  const trimmed = line.trim();
  const match = /^\/([a-z][\w-]*)\s*([\s\S]*)$/i.exec(trimmed);
  const name = match ? match[1]!.toLowerCase() : 'ask';
  const text = match ? match[2]! : trimmed;
  const command = commands.find((c) => c.name === name);
  if (!command)
    return { ok: false, name, message: `There is no /${name.slice(0, 32)} command. Type /help for the list.` };
  const option = command.options[0];
  return { ok: true, command, options: option ? { [option.name]: text } : {} };
}

import type { Command } from './command.js';

/**
 * A typed line (`/who Witkoff`, or a bare question) read as a command name and its options, the
 * way the console and batch mode accept it. A bare question is `/ask`; the text after a command
 * name fills that command's one text option. Unknown names are left to the dispatcher to refuse.
 */
export function parseLine(
  line: string,
  commands: readonly Command[],
): { name: string; options: Record<string, string> } {
  const trimmed = line.trim();
  const match = /^\/([a-z][\w-]*)\s*([\s\S]*)$/i.exec(trimmed);
  const name = match ? match[1]!.toLowerCase() : 'ask';
  const text = match ? match[2]! : trimmed;
  const option = commands.find((c) => c.name === name)?.options[0];
  return { name, options: option ? { [option.name]: text } : {} };
}

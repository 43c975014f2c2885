import type { Command } from './command.js';

/**
 * A typed line (`/who Witkoff`, or a bare question) read as a command name and its options, the
 * way the console and batch mode accept it. A bare question is `/ask`; the text after a command
 * name fills that command's first option. A command with several options takes them as Discord
 * shows them, `name: value` (`/teach question: how far along is the plan entry: talks-progress`).
 * Unknown names are left to the dispatcher to refuse.
 */
export function parseLine(
  line: string,
  commands: readonly Command[],
): { name: string; options: Record<string, string> } {
  const trimmed = line.trim();
  const match = /^\/([a-z][\w-]*)\s*([\s\S]*)$/i.exec(trimmed);
  const name = match ? match[1]!.toLowerCase() : 'ask';
  const text = match ? match[2]! : trimmed;
  const declared = commands.find((c) => c.name === name)?.options ?? [];
  const named = namedOptions(
    text,
    declared.map((o) => o.name),
  );
  if (named) return { name, options: named };
  const option = declared[0];
  return { name, options: option ? { [option.name]: text } : {} };
}

/** `a: x b: y` for declared option names a and b, when the text starts with one; otherwise null. */
function namedOptions(text: string, names: readonly string[]): Record<string, string> | null {
  if (!names.length) return null;
  const alternatives = names.map((n) => n.replace(/[^\w-]/g, '')).join('|');
  const label = new RegExp(`(?:^|\\s)(${alternatives}):\\s*`, 'g');
  const found = [...text.matchAll(label)];
  if (!found.length || found[0]!.index !== 0) return null;
  const options: Record<string, string> = {};
  found.forEach((m, i) => {
    const end = found[i + 1]?.index ?? text.length;
    options[m[1]!] = text.slice(m.index + m[0].length, end).trim();
  });
  return options;
}

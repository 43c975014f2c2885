import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Invoker } from '../dispatch/command.js';
import type { Dispatcher, Request } from '../dispatch/dispatcher.js';
import { parseLine } from '../dispatch/parse-line.js';
import type { Reply, Suggestion } from '../dispatch/reply.js';
import type { Logger } from '../logger.js';
import { renderText } from './render.js';
import { forTerminal, lineWriter } from './terminal.js';

export interface ConsoleOptions {
  dispatcher: Dispatcher;
  log: Logger;
  input: Readable;
  output: Writable;
  /** A person at a terminal: show a prompt. Otherwise answer each line and stop at end of input. */
  interactive: boolean;
}

/** The person at the console owns the knowledge files, so they may /refresh. */
const CONSOLE_USER: Invoker = Object.freeze({ id: 'console', name: 'console', isModerator: true });

/**
 * The local console: the same commands as on Discord, typed as `/who Witkoff` or a bare question,
 * and a did-you-mean picked by its number. Each line is a request to the dispatcher.
 */
export async function runConsole({ dispatcher, log, input, output, interactive }: ConsoleOptions): Promise<void> {
  const rl = createInterface({
    input,
    output: interactive ? output : undefined,
    terminal: interactive,
    crlfDelay: Infinity,
  });
  const out = lineWriter(output);
  void out.closed.then(() => rl.close());
  let lastSuggestions: Suggestion[] = [];

  if (interactive) {
    out.write('Ask about the story: type a question, or /help. Ctrl+D quits.');
    rl.setPrompt('storybot> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const trimmed = line.trim();
    if (trimmed) {
      // The same boundary as Discord's: whatever fails, one line, and the console keeps going.
      try {
        const reply = await dispatcher.dispatch(requestFor(trimmed, lastSuggestions, dispatcher));
        lastSuggestions = suggestionsOf(reply);
        out.write(renderText(reply));
        if (interactive) out.write('');
      } catch (err) {
        log.error({ err }, 'console request failed');
        out.write(forTerminal(`Sorry, something went wrong: ${(err as Error).message ?? err}`));
      }
    }
    if (interactive && !out.isClosed()) rl.prompt();
  }
}

function requestFor(line: string, suggestions: readonly Suggestion[], dispatcher: Dispatcher): Request {
  const picked = /^\d$/.test(line) ? suggestions[Number(line) - 1] : undefined;
  if (picked) return { kind: 'pick', source: 'console', invoker: CONSOLE_USER, entry: picked.id };
  return { kind: 'command', source: 'console', invoker: CONSOLE_USER, ...parseLine(line, dispatcher.commands) };
}

function suggestionsOf(reply: Reply): Suggestion[] {
  return reply.type === 'answer' ? reply.answer.suggestions : [];
}

import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { commands } from '../../commands/index.js';
import type { CommandContext, Reply } from '../bot/command.js';
import { parseLine } from '../bot/parse.js';
import { answer, type Suggestion } from '../engine/answer.js';
import type { KnowledgeStore } from '../knowledge/store.js';
import type { Logger } from '../logger.js';
import { renderText } from './render.js';
import { msSince } from '../elapsed.js';

export interface ConsoleOptions {
  store: KnowledgeStore;
  log: Logger;
  input: Readable;
  output: Writable;
  /** A person at a terminal: show a prompt. Otherwise answer each line and stop at end of input. */
  interactive: boolean;
}

/**
 * The local console: the same commands as on Discord, typed as `/who Witkoff` or a bare question.
 * The person at the console owns the knowledge files, so they may /refresh.
 */
export async function runConsole({ store, log, input, output, interactive }: ConsoleOptions): Promise<void> {
  const rl = createInterface({
    input,
    output: interactive ? output : undefined,
    terminal: interactive,
    crlfDelay: Infinity,
  });
  const write = (text: string) => output.write(`${text}\n`);
  const ctx: CommandContext = { store, invoker: { id: 'console', isModerator: true }, commands };
  let lastSuggestions: Suggestion[] = [];

  if (interactive) {
    write('Ask about the story: type a question, or /help. Ctrl+D quits.');
    rl.setPrompt('storybot> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const started = performance.now();
    const trimmed = line.trim();
    if (!trimmed) {
      if (interactive) rl.prompt();
      continue;
    }
    let reply: Reply;
    const picked = /^\d$/.test(trimmed) ? lastSuggestions[Number(trimmed) - 1] : undefined;
    let name = 'pick';
    if (picked) {
      reply = { type: 'answer', answer: answer(store.current, { lookup: 'entry', text: picked.id }) };
    } else {
      const parsed = parseLine(trimmed, commands);
      name = parsed.ok ? parsed.command.name : parsed.name;
      reply = parsed.ok
        ? await parsed.command.run(ctx, parsed.options)
        : { type: 'info', title: 'Unknown command', lines: [parsed.message], ephemeral: true };
    }
    lastSuggestions = reply.type === 'answer' ? reply.answer.suggestions : [];
    write(renderText(reply));
    if (interactive) write('');
    log.info(
      { command: name, status: reply.type === 'answer' ? reply.answer.status : reply.type, ms: msSince(started) },
      'interaction',
    );
    if (interactive) rl.prompt();
  }
}

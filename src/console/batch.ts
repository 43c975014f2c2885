import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { commands } from '../../commands/index.js';
import { parseLine } from '../bot/parse.js';
import { answer, type Lookup, type KnowledgeBase } from '../engine/answer.js';
import { msSince } from '../elapsed.js';

const ENGINE_COMMANDS: ReadonlySet<string> = new Set<Lookup>(['ask', 'who', 'when', 'source']);

/**
 * Batch mode: one JSON object per input line, in order, and nothing else on standard output.
 * `ms` is the engine's own time for the line.
 */
export async function runBatch(kb: KnowledgeBase, input: Readable, output: Writable): Promise<void> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) {
    const parsed = parseLine(line, commands);
    const name = parsed.ok ? parsed.command.name : parsed.name;
    if (!parsed.ok || !ENGINE_COMMANDS.has(name)) {
      const text = parsed.ok ? 'Batch mode answers /ask, /who, /when and /source.' : parsed.message;
      output.write(`${JSON.stringify(record(line, name, { status: 'not_found', text }))}\n`);
      continue;
    }
    const text = Object.values(parsed.options)[0] ?? '';
    const started = performance.now();
    const a = answer(kb, { lookup: name as Lookup, text });
    const ms = msSince(started, 3);
    output.write(`${JSON.stringify(record(line, name, { ...a, ms }))}\n`);
  }
}

type Fields = Partial<ReturnType<typeof answer>> & { status: string; text: string; ms?: number };

function record(input: string, command: string, a: Fields) {
  return {
    input,
    command,
    status: a.status,
    answer: a.status === 'answered' ? (a.answer ?? null) : null,
    text: a.text,
    sources: (a.sources ?? []).map(({ story, line, quote, attribution }) => ({ story, line, quote, attribution })),
    confidence: a.confidence ?? 0,
    entry: a.entry ?? null,
    suggestions: a.suggestions ?? [],
    missing: a.missing ?? null,
    ms: a.ms ?? 0,
  };
}

import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Invoker } from '../dispatch/command.js';
import type { Dispatcher } from '../dispatch/dispatcher.js';
import { parseLine } from '../dispatch/parse-line.js';
import type { Answer, Reply } from '../dispatch/reply.js';
import { msSince } from '../elapsed.js';
import { lineWriter } from './terminal.js';

/** Batch input is a script's, not a moderator's: it may look things up, not refresh. */
const BATCH_USER: Invoker = Object.freeze({ id: 'batch', isModerator: false });

/**
 * Batch mode: one JSON object per input line, in order, and nothing else on standard output.
 * `ms` is the time the dispatcher took to answer the line. A reader that stops reading (`| head`)
 * ends the batch quietly.
 */
export async function runBatch(dispatcher: Dispatcher, input: Readable, output: Writable): Promise<void> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  const out = lineWriter(output);
  void out.closed.then(() => rl.close());
  for await (const line of rl) {
    const request = parseLine(line, dispatcher.commands);
    const started = performance.now();
    const reply = await dispatcher.dispatch({ kind: 'command', source: 'batch', invoker: BATCH_USER, ...request });
    out.write(toJson(record(line, request.name, reply, msSince(started, 3))));
    if (out.isClosed()) break;
  }
}

function record(input: string, command: string, reply: Reply, ms: number) {
  const a: Partial<Answer> & { status: string; text: string } =
    reply.type === 'answer'
      ? reply.answer
      : {
          status: 'not_found',
          text: reply.type === 'notice' ? reply.text : `Batch mode prints answers; /${command} replies to a person.`,
        };
  return {
    input,
    command,
    status: a.status,
    answer: a.status === 'answered' ? (a.answer ?? null) : null,
    // The reply as a person reads it: a "Did you mean:" goes on with its choices.
    text: a.suggestions?.length ? [a.text, ...a.suggestions.map((s, i) => `${i + 1}. ${s.title}`)].join('\n') : a.text,
    // The story answered from (with several loaded, also in every source and `story/id` entry).
    story: a.story?.id ?? a.sources?.[0]?.story ?? null,
    sources: (a.sources ?? []).map(({ story, line, quote, attribution }) => ({ story, line, quote, attribution })),
    confidence: a.confidence ?? 0,
    entry: a.entry ?? null,
    suggestions: a.suggestions ?? [],
    missing: a.missing ?? null,
    ms,
  };
}

/** JSON escapes C0 controls but not DEL and C1 (which some terminals obey): escape those too. */
function toJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

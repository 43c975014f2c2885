import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { PrettyOptions } from 'pino-pretty';
import type { LogLevel } from './config.js';

export type { Logger };

const require = createRequire(import.meta.url);

export interface LoggerOptions {
  level: LogLevel;
  /** Secrets to scrub from every line, wherever they appear (the bot token). */
  secrets?: readonly string[];
  /** Where lines go; defaults to standard error so standard output stays for replies. */
  destination?: DestinationStream;
  /** Human-readable lines (pino-pretty) instead of JSON: for a terminal. */
  pretty?: boolean;
}

/**
 * The one logger. Structured (JSON) lines; fields that can hold a secret are redacted by name,
 * and every line is scrubbed as a whole before it is written (see `scrubLine`), whatever field
 * a secret or a control character came in.
 */
export function createLogger({ level, secrets = [], destination, pretty = false }: LoggerOptions): Logger {
  const hidden = secrets.filter((s) => s.length >= 8);
  const stream: DestinationStream =
    destination ?? (pretty ? prettyStream() : pino.destination({ dest: 2, sync: true }));
  return pino(
    {
      level,
      base: undefined,
      hooks: { streamWrite: (line) => scrubLine(line, hidden) },
      redact: {
        paths: [
          'token',
          '*.token',
          'config.discord.token',
          'headers.authorization',
          '*.headers.authorization',
          'authorization',
        ],
        censor: '[REDACTED]',
      },
    },
    stream,
  );
}

/**
 * pino-pretty in this thread rather than as a transport (a worker thread): a terminal's lines are
 * few, and a start that logs JSON loads none of it.
 */
function prettyStream(): DestinationStream {
  const pretty = require('pino-pretty') as (options: PrettyOptions) => DestinationStream;
  return pretty({ destination: 2, colorize: true, ignore: 'pid,hostname', sync: true });
}

// An interaction or webhook token is a password for answering as the bot: it sits in the URL
// path (`/interactions/<id>/<token>/callback`, `/webhooks/<app>/<token>/...`) of REST errors.
const URL_TOKEN = /(\/(?:interactions|webhooks)\/\d{1,25}\/)[^/?#\s"\\]+/g;
// Control characters, as JSON writes them (an escape after an even number of backslashes)
// and raw (DEL and the C1 range, which JSON leaves as they are). Newline and tab stay: stack
// traces need them and JSON keeps them escaped.
const ESCAPED_CONTROL = /(?<!\\)((?:\\\\)*)\\(?:u00[01][0-9a-fA-F]|u007[fF]|u00[89][0-9a-fA-F]|[bfr])/g;
const RAW_CONTROL = /[\u007f-\u009f]/g;
const KEPT_ESCAPES = new Set(['\\u000a', '\\u000A', '\\u0009']);

/** One serialized log line with every secret, URL token and control character taken out. */
export function scrubLine(line: string, secrets: readonly string[] = []): string {
  let out = secrets.reduce((t, s) => t.split(s).join('[REDACTED]'), line);
  out = out.replace(URL_TOKEN, '$1[REDACTED]');
  out = out.replace(ESCAPED_CONTROL, (m: string, backslashes: string) =>
    KEPT_ESCAPES.has(m.slice(backslashes.length)) ? m : backslashes,
  );
  return out.replace(RAW_CONTROL, '');
}

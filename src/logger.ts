import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

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
 * and the token itself is scrubbed from any string that reaches a line, whatever its field.
 */
export function createLogger({ level, secrets = [], destination, pretty = false }: LoggerOptions): Logger {
  const hidden = secrets.filter((s) => s.length >= 8);
  const scrub = (text: string) => hidden.reduce((t, s) => t.split(s).join('[REDACTED]'), text);
  const stream: DestinationStream =
    destination ??
    (pretty
      ? (pino.transport({
          target: 'pino-pretty',
          options: { destination: 2, colorize: true, ignore: 'pid,hostname' },
        }) as DestinationStream)
      : pino.destination({ dest: 2, sync: true }));
  const scrubbing: DestinationStream = hidden.length ? { write: (line: string) => stream.write(scrub(line)) } : stream;
  return pino(
    {
      level,
      base: undefined,
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
    scrubbing,
  );
}

import type { Writable } from 'node:stream';

/**
 * Text as a terminal may show it: control characters out (an answer or a folder name holding
 * `ESC ] 0 ; … BEL` would retitle the terminal, or worse), and the invisible bidirectional
 * overrides that make text read differently from what it is. Newlines and tabs stay: they lay out.
 */
export function forTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

/**
 * Lines out to a stream that may be closed under us (`| head -1`): once it is, writes stop quietly
 * and `closed` resolves, so the reader loop can end instead of crashing on EPIPE.
 */
export function lineWriter(output: Writable): {
  write: (text: string) => void;
  closed: Promise<void>;
  isClosed: () => boolean;
} {
  let isClosed = false;
  let markClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  output.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
    isClosed = true;
    markClosed();
  });
  return {
    write: (text) => {
      if (!isClosed) output.write(`${text}\n`);
    },
    closed,
    isClosed: () => isClosed,
  };
}

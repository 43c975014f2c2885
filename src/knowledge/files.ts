import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * Reads one file of the knowledge folder, refusing anything that is not a bounded, regular,
 * UTF-8 file inside the folder. The check is on the resolved path, so neither `../` in a name
 * nor a symlink can make the loader read (and `/source` publish) a file from elsewhere, such
 * as the bot's `.env`.
 */
export type ReadOutcome =
  | { ok: true; text: string; bytes: number }
  | { ok: false; missing: boolean; message: string };

/** Reads a file of the knowledge folder, as `readKnowledgeFile` does for one root. */
export type FileReader = (file: string, maxBytes: number) => Promise<ReadOutcome>;

const utf8 = new TextDecoder('utf-8', { fatal: true }); // also drops a leading byte order mark

export async function readKnowledgeFile(root: string, file: string, maxBytes: number): Promise<ReadOutcome> {
  let real: string;
  let realRoot: string;
  try {
    realRoot = await realpath(root);
    real = await realpath(file);
  } catch (err) {
    const code = errorCode(err);
    return { ok: false, missing: code === 'ENOENT', message: `cannot be read (${code})` };
  }
  if (!isInside(realRoot, real)) {
    return { ok: false, missing: false, message: 'resolves outside the knowledge folder; refused' };
  }
  // Non-blocking, so a FIFO or a device cannot hang the open; then it is refused as not a file.
  let handle;
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return { ok: false, missing: false, message: `cannot be read (${errorCode(err)})` };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, missing: false, message: 'is not a regular file; refused' };
    if (stat.size > maxBytes) {
      return { ok: false, missing: false, message: `is ${mib(stat.size)}, over the limit of ${mib(maxBytes)}` };
    }
    // Read at most one byte past the limit: a file growing while read is still bounded.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > maxBytes) return { ok: false, missing: false, message: `is over the limit of ${mib(maxBytes)}` };
    try {
      return { ok: true, text: utf8.decode(buffer.subarray(0, length)), bytes: length };
    } catch {
      return { ok: false, missing: false, message: `is not valid UTF-8 (line ${firstInvalidLine(buffer.subarray(0, length))}); save it as UTF-8` };
    }
  } catch (err) {
    return { ok: false, missing: false, message: `cannot be read (${errorCode(err)})` };
  } finally {
    await handle.close();
  }
}

/**
 * A reader that gives the files already read (under a larger limit) as reading them again would,
 * each held to the limit asked, and reads any other file from `root`.
 */
export function readerOver(root: string, read: ReadonlyMap<string, ReadOutcome> = new Map()): FileReader {
  return (file, maxBytes) => {
    const outcome = read.get(file);
    if (!outcome) return readKnowledgeFile(root, file, maxBytes);
    if (outcome.ok && outcome.bytes > maxBytes) {
      return Promise.resolve({ ok: false, missing: false, message: `is ${mib(outcome.bytes)}, over the limit of ${mib(maxBytes)}` });
    }
    return Promise.resolve(outcome);
  };
}

export function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The line of the first byte that is not UTF-8, so a curator can find it. */
function firstInvalidLine(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // The longest prefix that decodes (a character cut at the end is allowed in stream mode).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  let line = 1;
  for (let i = 0; i < lo; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? String(err);
}

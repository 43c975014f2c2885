import { createHash } from 'node:crypto';
import type { Knowledge } from './types.js';

/**
 * A short content hash of loaded knowledge: two copies serving the same version serve the same
 * answers. Taken from what was loaded and validated, not from the files, so it names exactly what
 * is served.
 */
export function knowledgeVersion(knowledge: Knowledge): string {
  const json = JSON.stringify(knowledge, (_key, value: unknown) =>
    value instanceof Map ? [...value.entries()].sort(([a], [b]) => (a < b ? -1 : 1)) : value,
  );
  return createHash('sha256').update(json).digest('hex').slice(0, 12);
}

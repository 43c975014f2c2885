import { decline, fromEntry } from '../reply.js';
import type { Answer, KnowledgeBase } from '../types.js';
import { defaultStory, sourceLine } from './source.js';

/** An entry (or `line:N`) by id: what a did-you-mean button asks for. */
export function byId(kb: KnowledgeBase, id: string): Answer {
  const line = /^line:(\d+)$/.exec(id);
  if (line) return sourceLine(defaultStory(kb), Number(line[1]));
  const entry = kb.index.byId.get(id);
  return entry
    ? fromEntry('entry', entry, 1)
    : decline('entry', 'That answer is no longer in the knowledge; ask again.');
}

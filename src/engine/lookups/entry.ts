import { decline, fromEntry } from '../reply.js';
import { parseRef } from '../stories.js';
import type { Answer, KnowledgeBase } from '../types.js';
import { defaultStory, sourceLine } from './source.js';

/** An entry (or `line:N`) by id, bare or as `story/id`: what a did-you-mean button asks for. */
export function byId(kb: KnowledgeBase, ref: string): Answer {
  const { story, id } = parseRef(kb, ref);
  const line = /^line:(\d+)$/.exec(id);
  if (line) return sourceLine(story ?? defaultStory(kb), Number(line[1]));
  const entry = kb.index.byId.get(ref);
  return entry
    ? fromEntry('entry', entry, 1)
    : decline('entry', 'That answer is no longer in the knowledge; ask again.');
}

import { tokens, type Token } from '../language.js';
import { decline } from '../reply.js';
import { evidenceTexts } from './polar.js';
import type { Answer, KnowledgeBase } from '../types.js';

/**
 * Questions about what will happen ("when will the plan be finalised", "what happens next"). A
 * report tells what has happened and what people said; an entry that shares the question's words
 * answers a question about the past, and given as the answer it would read as a prediction. Only
 * a reply whose own evidence speaks of the future (a "will", a "next") may answer one.
 */
export function asksFuture(toks: readonly Token[]): boolean {
  return toks.some(
    (t, i) =>
      // Not the asker's own ("I will be very thankful", "we'd be grateful"): politeness, no question.
      (t.pos === 'AUX' && (t.lemma === 'will' || t.lemma === 'shall') && !ASKER.has(toks[i - 1]?.normal ?? '')) ||
      t.normal === 'gonna' ||
      (t.normal === 'going' && toks[i + 1]?.normal === 'to' && toks[i + 2]?.pos === 'VERB') ||
      (t.normal === 'next' && t.pos !== 'NOUN'),
  );
}

/** Who asks: "I will…" or "we shall…" says what the asker will do. */
const ASKER: ReadonlySet<string> = new Set(['i', 'we']);

/** The reply, or a decline that offers it, when a question about the future meets an answer about the past. */
export function pastForFuture(kb: KnowledgeBase, reply: Answer): Answer {
  if (reply.status !== 'answered' || reply.parts) return reply;
  const evidence = evidenceTexts(reply).join(' ');
  if (asksFuture(tokens(evidence))) return reply;
  const entry = reply.entry ? kb.index.byId.get(reply.entry) : undefined;
  return decline(
    reply.lookup,
    'That asks what will happen. The report tells what has happened and what people said, and I only repeat what it says.',
    entry ? [{ id: entry.id, title: entry.title, story: entry.story }] : [],
    reply.confidence,
  );
}

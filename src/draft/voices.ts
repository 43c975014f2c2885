import type { Person } from './people.js';
import type { Sentence } from './sentences.js';

/**
 * Who a sentence's claim is attributed to, and the claim without the attribution. News style marks
 * attribution with a few constructions, read here in order: "according to X", "X said/reported
 * (that) ...", "..., X reported", "..., saying" (the subject speaks), "reportedly"; otherwise the
 * claim is the agency's own. The reporting verbs are a small word list: no library tags them.
 */
export interface Voice {
  id: string;
  /** As shown to users: "Kremlin spokesperson Dmitry Peskov", "a source familiar with the talks". */
  label: string;
  kind: 'person' | 'outlet' | 'source' | 'reportedly' | 'agency';
}

export interface Attribution {
  voice: Voice;
  /** The claim itself: the sentence without "X said" or "according to X". */
  claim: string;
}

const REPORTING =
  'said|says|told|tells|reported|reports|noted|notes|acknowledged|acknowledges|confirmed|confirms|warned|warns|added|adds|announced|announces|stated|states|claimed|claims';
const OUTLET_VERBS = /^(?:reported|reports|noted|notes)$/;
const ADVERBS = /\s+(?:also|meanwhile|later|earlier|separately|again|further)\b/gi;
const PRONOUNS = /^(?:he|she|they|it|we|i)$/i;

export interface VoiceContext {
  agency: string;
  people: readonly Person[];
  /** The person who spoke last, for "she said". */
  lastPerson: Person | null;
}

export function attribute(sentence: Sentence, text: string, ctx: VoiceContext): Attribution {
  const agency: Voice = { id: 'agency', label: agencyLabel(ctx.agency), kind: 'agency' };
  let m = /^According to ([^,]+), (.+)$/i.exec(text);
  if (m) return { voice: voiceOf(m[1]!, '', ctx) ?? agency, claim: m[2]! };
  m = /^(.+?),? according to ([^,]+?)[.]?$/i.exec(text);
  if (m) return { voice: voiceOf(m[2]!, '', ctx) ?? agency, claim: m[1]! };
  // "..., X reported[ on Wednesday]." or "“...,” she said."
  m = new RegExp(`^(.+?)[,”"]+\\s+([^,]+?)\\s+(${REPORTING})\\b([^,]*)(?:,\\s*(.*))?$`, 'i').exec(text);
  if (m && m[2]!.split(/\s+/).length <= 8) {
    const voice = voiceOf(m[2]!, m[3]!, ctx);
    if (voice) return { voice, claim: [m[1]!, m[5]].filter(Boolean).join(', ') };
  }
  // "X said (that) ...": the speaker comes first, with no verb before the reporting one.
  m = new RegExp(`^((?:[^,;“”"]|, (?=[^,]*,))+?)\\s+(${REPORTING})\\b,?(?:\\s+that)?\\s+(.+)$`, 'i').exec(text);
  if (m && m[1]!.split(/\s+/).length <= 12) {
    const voice = voiceOf(m[1]!, m[2]!, ctx);
    if (voice) return { voice, claim: m[3]! };
  }
  // "Peskov downplayed reports of progress, saying ...": the subject speaks.
  if (/,\s+saying\b/.test(text)) {
    const subject = ctx.people.find(
      (p) => p.sentences.includes(sentence) && text.startsWith(p.name, text.search(/\p{Lu}/u)),
    );
    const first = ctx.people.find(
      (p) => p.sentences.includes(sentence) && new RegExp(`^[^,]*\\b${p.surname}\\b`).test(text),
    );
    const speaker = subject ?? first;
    if (speaker) return { voice: personVoice(speaker), claim: text };
  }
  if (/\breportedly\b/i.test(text))
    return { voice: { id: 'reportedly', label: 'unnamed reports (“reportedly”)', kind: 'reportedly' }, claim: text };
  return { voice: agency, claim: text };
}

function voiceOf(raw: string, verb: string, ctx: VoiceContext): Voice | undefined {
  const who = raw
    .replace(ADVERBS, '')
    .replace(/^(?:but|and|however|meanwhile),?\s+/i, '')
    .trim();
  if (!who || /^the report$/i.test(who)) return undefined;
  if (PRONOUNS.test(who)) return ctx.lastPerson && /^(?:he|she)$/i.test(who) ? personVoice(ctx.lastPerson) : undefined;
  const person = ctx.people.find((p) => new RegExp(`\\b${p.surname}\\b`).test(who));
  if (person) return personVoice(person);
  // A voice is a noun phrase, not a clause: a verb-like word inside means the match went astray.
  if (/\b(?:is|are|was|were|has|have|had|will|would|could)\b/i.test(who)) return undefined;
  const label = /^(?:A|An|The)\s/.test(who) ? who.charAt(0).toLowerCase() + who.slice(1) : who;
  const proper = /^\p{Lu}/u.test(label);
  const kind = /\bsources?\b/i.test(label)
    ? 'source'
    : proper && OUTLET_VERBS.test(verb) && label.split(/\s+/).length <= 3
      ? 'outlet'
      : 'source';
  return { id: slug(label.replace(/^(?:a|an|the)\s+/i, '')), label, kind };
}

export function personVoice(p: Person): Voice {
  // A role that already holds the name ("President Donald Trump", two Presidents in one report).
  if (p.role?.endsWith(p.name)) return { id: p.id, label: p.role, kind: 'person' };
  const label = [
    p.role && !/^(?:the|a|an)\s/i.test(p.role) && !/['’]s\s/.test(p.role) ? p.role : null,
    p.honorific,
    p.name,
  ]
    .filter(Boolean)
    .join(' ');
  return { id: p.id, label, kind: 'person' };
}

export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .split('-')
      .slice(0, 5)
      .join('-') || 'voice'
  );
}

export function agencyLabel(agency: string): string {
  return `${agency}${/s$/.test(agency) ? '’' : '’s'} report, without naming a source`;
}

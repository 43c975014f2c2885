import { frequentStopwords, isName, lowerCaseCount, wordCount, type Token } from './language.js';
import type { Tuning } from './tuning.js';
import { typoDistance } from './text.js';

/**
 * What an unknown word (one the knowledge never uses) is to the question. Only a subject — a
 * name, a thing, a number, a place — that the report does not cover may block an answer and be
 * named in "The report doesn't mention …". Everything else is filler (politeness, text-speak,
 * scaffolding such as "name of" or "refer to", verbs and adverbs of the question) and at most
 * lowers how sure the engine is.
 */
export type WordRole = 'function' | 'subject' | 'filler';

export function roleOf(token: Token | undefined, word: string, opensSentence: boolean, tuning: Tuning): WordRole {
  if (isFunctionWord(token, word)) return 'function';
  if (/\d/.test(word)) return 'subject';
  if (!token) return 'filler';
  // Written capitalised in most of its uses, and a noun here: a place, a person, an organisation
  // ("china", "nato"), not "mark" the verb.
  if (isName(word) && (token.pos === 'NOUN' || token.pos === 'PROPN')) return 'subject';
  // Capitalised past the opening of a sentence: a name, however the tagger reads it.
  if (!opensSentence && /^\p{Lu}/u.test(token.text)) return 'subject';
  if (token.pos === 'NUM' || (token.pos === 'PROPN' && !opensSentence)) return 'subject';
  // A noun that is not one of the common words of the language names a thing; "name", "bit",
  // "stuff", "person" are too common to name anything the report could be asked about.
  // A plural is as common as its singular ("topics": topic).
  const count = Math.max(wordCount(word), wordCount(token.lemma));
  if ((token.pos === 'NOUN' || token.pos === 'PROPN') && count < tuning.commonNounCount) return 'subject';
  return 'filler';
}

/**
 * How much an unknown word that names nothing still counts, as a share of the rarest known word:
 * a common noun or a verb is often the point of the question ("what did he find out"), an adverb
 * or a courtesy is not.
 */
export function fillerShare(token: Token | undefined, tuning: Tuning): number {
  if (token?.pos === 'NOUN') return tuning.fillerNounWeight;
  if (token?.pos === 'VERB') return tuning.fillerVerbWeight;
  return tuning.fillerWeight;
}

/** A function word (wink-nlp's stop flag), or text-speak for one. */
export function isFunctionWord(token: Token | undefined, word: string): boolean {
  // A name the tagger knows ("uk", one edit from "up") is no text-speak.
  return token?.stop === true || (token?.pos !== 'PROPN' && isTextSpeak(word));
}

/** A rarely used spelling one edit from a frequent function word: "wat", "wen", "ur". */
export function isTextSpeak(word: string): boolean {
  return textSpeakFor(word).length > 0;
}

/** The frequent function words a rarely used spelling is one edit from ("wen" -> when, we, then...). */
export function textSpeakFor(word: string): readonly string[] {
  if (word.length > 4 || /\d/.test(word) || lowerCaseCount(word) >= 100) return [];
  const near = nearFunctionWords();
  // One edit apart: the same after deleting at most one letter from either, and then truly one
  // edit ("nato" and "into" each lose a letter to "nto", two edits apart: NATO is no "into").
  const edited = [word, ...deletions(word)]
    .flatMap((d) => near.get(d) ?? [])
    .filter((f) => typoDistance(word, f, 1) <= 1);
  // Or the start of one, cut short: "acc to this" (according), "tho" (though).
  const cut = word.length >= 3 ? frequentStopwords(SHORTENED_FUNCTION_WORD).filter((f) => f.startsWith(word)) : [];
  return [...new Set([...edited, ...cut])].filter((f) => f !== word);
}

/** Function words used at least this often are the ones text-speak respells ("wat", "wen"). */
const FREQUENT_FUNCTION_WORD = 10_000;
/** Function words used at least this often are the ones text-speak cuts short ("acc" to "according"). */
const SHORTENED_FUNCTION_WORD = 1_000;

/** Frequent function words and every form of them with one letter deleted, to the words they come from. */
let near: ReadonlyMap<string, readonly string[]> | undefined;
function nearFunctionWords(): ReadonlyMap<string, readonly string[]> {
  if (!near) {
    const map = new Map<string, string[]>();
    for (const f of frequentStopwords(FREQUENT_FUNCTION_WORD)) {
      for (const form of new Set([f, ...deletions(f)])) map.set(form, [...(map.get(form) ?? []), f]);
    }
    near = map;
  }
  return near;
}

function deletions(word: string): string[] {
  return [...word].map((_, i) => word.slice(0, i) + word.slice(i + 1));
}

/** What a person's profile gives by its fields (name, role), in the words people ask for them. */
export const PROFILE_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'role',
  'title',
  'job',
  'position',
  'designation',
  'rank',
]);

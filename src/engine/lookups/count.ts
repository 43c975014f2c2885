import type { PersonEntry, Source } from '../../knowledge/types.js';
import type { Token } from '../language.js';
import type { ResolvedWord } from '../resolve.js';
import { answered } from '../reply.js';
import type { Scope } from '../stories.js';
import { listOf, normalize, QUESTION_WORDS, tellingTerms, termOf, termSet } from '../text.js';
import type { Answer, KnowledgeBase } from '../types.js';

/**
 * "How many generals are named?": the people of the report whose name or title is one, counted
 * and named, each with the line that names them. Only when everything else the question says
 * ("going with Driscoll", "US Army") is said of them; otherwise the question is left to the rest.
 */
export function countPeople(
  kb: KnowledgeBase,
  toks: readonly Token[],
  words: readonly ResolvedWord[],
  scope: Scope,
): Answer | undefined {
  const head = countedNoun(toks);
  if (!head) return undefined;
  const { synonyms } = kb.index;
  const term = termOf(normalize(head.lemma), synonyms);
  const counted = kb.index.people.filter(
    (p) => (!scope.story || p.story === scope.story) && termSet(`${p.name} ${p.role}`, synonyms).has(term),
  );
  if (counted.length === 0) return undefined;
  const said = termSet(
    counted.map((p) => `${p.name} ${p.role} ${p.answer} ${p.phrasings.join(' ')}`).join(' '),
    synonyms,
  );
  const telling = tellingTerms(synonyms);
  const rest = words.filter((w) => !w.filler && !QUESTION_WORDS.has(w.term) && !telling.has(w.term) && w.term !== term);
  if (words.some((w) => w.unknown) || !rest.every((w) => said.has(w.term))) return undefined;
  const sources: Source[] = counted.flatMap((p) => p.sources.slice(0, 1));
  const names = listOf(counted.map((p: PersonEntry) => p.name));
  const text = `The report names ${NUMBERS[counted.length] ?? counted.length}: ${names}.`;
  return answered('ask', text, sources, counted[0]!.id, 1);
}

/** The noun counted in "how many (US Army) generals": the last noun of the words after "many". */
function countedNoun(toks: readonly Token[]): Token | undefined {
  const at = toks.findIndex((t, i) => t.normal === 'how' && toks[i + 1]?.normal === 'many');
  if (at < 0) return undefined;
  let head: Token | undefined;
  for (const t of toks.slice(at + 2)) {
    if (t.pos === 'NOUN' || t.pos === 'PROPN') head = t;
    // "US" is read as the pronoun "us" as often as not.
    else if (t.pos !== 'ADJ' && t.pos !== 'PRON') break;
  }
  return head;
}

const NUMBERS = ['none', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

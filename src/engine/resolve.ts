import { clippedWord, isAddressTerm, sentences, tokens, vowellessWord, wordCount, type Token } from './language.js';
import type { SearchIndex } from './search-index.js';
import { MORE_THAN_ONE } from './question.js';
import { fillerShare, isFunctionWord, PROFILE_FIELDS, roleOf, textSpeakFor } from './subject.js';
import { contentWords, normalize, QUESTION_WORDS, tellingTerms, termOf, type QueryWord } from './text.js';
import type { Tuning } from './tuning.js';
import { completions, correctTypo } from './typo.js';

/** A word of the question, resolved against the knowledge's vocabulary. */
export interface ResolvedWord extends QueryWord {
  /** A subject the knowledge never uses, even allowing for a typo or another form of the word. */
  unknown: boolean;
  /** Not in the knowledge, and names nothing: it lowers the score but never blocks an answer. */
  filler: boolean;
  weight: number;
  /** The word as typed, for naming it back. */
  typed: string;
  /** Its part of speech where it was typed, when the tagger saw it. */
  pos?: string;
  /** A common noun asked of someone or something ("Witkoff's age"): what is asked, though it names nothing. */
  possessed?: boolean;
}

/** The question's content words, each matched to a term of the knowledge: typos corrected, lemmas tried. */
export function resolveWords(
  index: SearchIndex,
  text: string,
  tuning: Tuning,
  toks: readonly Token[] = tokens(text),
): ResolvedWord[] {
  const byWord = new Map<string, Token>();
  for (const t of toks) for (const w of normalize(t.text).split(' ')) if (!byWord.has(w)) byWord.set(w, t);
  // A capital that opens a sentence says nothing about a name ("Good evening.").
  const opening = new Set((MORE_THAN_ONE.test(text) ? sentences(text) : [text]).map((s) => normalize(s).split(' ')[0]));
  const out: ResolvedWord[] = [];
  for (let w of contentWords(text, index.synonyms)) {
    const token = byWord.get(w.word);
    const typed = token?.text ?? w.word;
    const known = (term: string) => index.idf.get(term);
    if (known(w.term) !== undefined) {
      out.push({ ...w, unknown: false, filler: false, weight: known(w.term)!, typed, pos: token?.pos ?? '' });
      continue;
    }
    // Another form of the word: "led" is "lead", "sped" is "speed".
    const lemma = token && token.lemma !== w.word ? termOf(normalize(token.lemma), index.synonyms) : undefined;
    if (lemma && known(lemma) !== undefined) {
      out.push({
        word: w.word,
        term: lemma,
        unknown: false,
        filler: false,
        weight: known(lemma)!,
        typed,
        pos: token?.pos ?? '',
      });
      continue;
    }
    // Text-speak for a question word is that question word ("wen did he arrive").
    const asked = textSpeakFor(w.word).find((f) => QUESTION_WORDS.has(f));
    if (asked && known(asked) !== undefined) {
      out.push({ word: asked, term: asked, unknown: false, filler: false, weight: known(asked)!, typed });
      continue;
    }
    // A function word or text-speak for one is not a typo of a word of the knowledge either.
    if (isFunctionWord(token, w.word)) continue;
    // Nor is the person the question is addressed to ("…, sir"), nor an honorific before a
    // name ("Mr Peskov"): they ask nothing.
    if (token && (isVocative(toks, token) || isHonorific(index, toks, token))) continue;
    // A rare word that begins one word of the knowledge, and only one, is short for it ("admin").
    const expanded = wordCount(w.word) < tuning.realWordCount ? abbreviated(index, w.word) : undefined;
    // Short for one of several words of the knowledge ("secy": secretary or security): it names
    // something the report may well cover, so it is no subject the report is said not to mention.
    if (expanded === 'ambiguous') {
      out.push({
        ...w,
        unknown: false,
        filler: true,
        weight: index.maxIdf * fillerShare(token, tuning),
        typed,
        pos: token?.pos ?? '',
      });
      continue;
    }
    if (expanded) {
      out.push({
        word: expanded.word,
        term: expanded.term,
        unknown: false,
        filler: false,
        weight: known(expanded.term)!,
        typed,
        pos: token?.pos ?? '',
      });
      continue;
    }
    // A common word written without its vowels ("ppl", "msg"): that word, or at least no subject
    // the report is said not to mention.
    // Or a noun clipped from a longer one ("info": information), however often it is typed.
    // Or a word with its "g" dropped ("talkin": talking), as people write speech.
    const rare = wordCount(w.word) < tuning.realWordCount;
    const full =
      (rare ? (vowellessWord(w.word) ?? gDropped(w.word, tuning)) : undefined) ??
      (token?.pos === 'NOUN' ? clippedWord(w.word) : undefined);
    if (full) {
      const term = termOf(full, index.synonyms);
      const weight = known(term);
      if (weight !== undefined) {
        out.push({ word: full, term, unknown: false, filler: false, weight, typed, pos: token?.pos ?? '' });
        continue;
      }
      // Read on as the word it is ("msg": a message the report may not mention; "ppl": filler).
      w = { word: full, term };
    }
    // A word of the language spelt right is not a typo of a word of the knowledge ("deny" is not "Denys").
    const corrected =
      !full && wordCount(w.word) < tuning.realWordCount ? correctTypo(index.vocabularyTypos, w.word) : undefined;
    if (corrected) {
      const term = index.vocabulary.get(corrected)!;
      out.push({
        word: corrected,
        term,
        unknown: false,
        filler: false,
        weight: known(term)!,
        typed,
        pos: token?.pos ?? '',
      });
      continue;
    }
    // A word of the report's own text is not missing from it, even where no entry uses it.
    if (index.reportTerms.has(w.term)) {
      out.push({ ...w, unknown: false, filler: true, weight: index.maxIdf, typed, pos: token?.pos ?? '' });
    } else if (
      roleOf(token, w.word, opening.has(w.word), tuning) === 'subject' &&
      !tellingTerms(index.synonyms).has(w.term) &&
      // A field of a person's profile ("the designation of Col. Butler") asks for what the profile gives.
      !PROFILE_FIELDS.has(w.word)
    ) {
      // A subject the knowledge never uses is at least as specific as its rarest word.
      out.push({ ...w, unknown: true, filler: false, weight: index.maxIdf, typed });
    } else {
      const weight = index.maxIdf * fillerShare(token, tuning);
      const possessed = token ? possessedAt(toks, toks.indexOf(token)) : false;
      out.push({
        ...w,
        unknown: false,
        filler: true,
        weight,
        typed,
        pos: token?.pos ?? '',
        ...(possessed ? { possessed } : {}),
      });
    }
  }
  return out;
}

/** A noun something is asked to have: "Witkoff's age", "the age of Witkoff". */
function possessedAt(toks: readonly Token[], at: number): boolean {
  const t = toks[at];
  return t?.pos === 'NOUN' && (toks[at - 1]?.normal === "'s" || toks[at + 1]?.normal === 'of');
}

/**
 * A term of address opening or closing the question, outside any noun phrase: "sir, who leads
 * the talks", "kindly tell me the name of the spokesperson sir" (not "the father", "Trump's brother").
 */
function isVocative(toks: readonly Token[], token: Token): boolean {
  if (token.pos !== 'NOUN' && token.pos !== 'PROPN' && token.pos !== 'INTJ') return false;
  const at = toks.indexOf(token);
  const first = toks.findIndex((t) => t.pos !== 'INTJ');
  if (at !== first && at !== toks.length - 1) return false;
  if (!isAddressTerm(token.normal)) return false;
  const before = toks[at - 1];
  return at === first || !before || !NOUN_PHRASE.has(before.pos);
}
const NOUN_PHRASE: ReadonlySet<string> = new Set(['DET', 'PART', 'ADJ', 'ADP', 'NUM', 'PRON']);

/** The "-ing" word a rare "-in" word drops the "g" of ("talkin", "goin"), when that word is common. */
function gDropped(word: string, tuning: Tuning): string | undefined {
  return word.endsWith('in') && wordCount(`${word}g`) >= tuning.realWordCount * 10 ? `${word}g` : undefined;
}

/** A term of address right before a name: "Mr Peskov", "Mister Driscoll", "Sir Keir". */
function isHonorific(index: SearchIndex, toks: readonly Token[], token: Token): boolean {
  const next = toks[toks.indexOf(token) + 1];
  if (!next || !isAddressTerm(token.normal)) return false;
  return next.pos === 'PROPN' || index.nameTerms.has(termOf(normalize(next.text), index.synonyms));
}

/** Shortest abbreviation read as a word of the knowledge: "admin", not "ad". */
const MIN_ABBREVIATION = 4;

/**
 * The word of the knowledge a rare word abbreviates: the only one it begins, or several that fold
 * to one term ("admin": administration); else the only one it contracts, keeping its first and last
 * letters and some between, in order ("secy", "govt", "dept", as English contracts words).
 * 'ambiguous' when it contracts words of several terms. Words of the language are not abbreviations.
 */
function abbreviated(index: SearchIndex, word: string): { word: string; term: string } | 'ambiguous' | undefined {
  if (/\d/.test(word)) return undefined;
  if (word.length >= MIN_ABBREVIATION) {
    const found = completions(index.vocabularyTypos, word, 3);
    const terms = new Set(found.map((w) => index.vocabulary.get(w)));
    if (found.length > 0 && found.length <= 3 && terms.size === 1) {
      const term = [...terms][0]!;
      return index.idf.has(term) ? { word: found[0]!, term } : undefined;
    }
  }
  if (word.length < MIN_CONTRACTION) return undefined;
  const contracted = contractedWords(index, word);
  const terms = new Set(contracted.map((w) => index.vocabulary.get(w)!).filter((t) => index.idf.has(t)));
  if (terms.size > 1) return 'ambiguous';
  const [term] = terms;
  return term ? { word: contracted.find((w) => index.vocabulary.get(w) === term)!, term } : undefined;
}

/** Shortest contraction read as a word of the knowledge: "secy", "dept", not "ss". */
const MIN_CONTRACTION = 3;

/**
 * Words of the vocabulary that `word` contracts (see `abbreviated`), from lists kept per index by
 * first and last letter: a few hundred words to try at 50,000 entries, not the whole vocabulary.
 */
function contractedWords(index: SearchIndex, word: string): string[] {
  let byEnds = contractionCache.get(index);
  if (!byEnds) {
    byEnds = new Map();
    for (const w of index.vocabulary.keys()) {
      const ends = w[0]! + w.at(-1)!;
      const list = byEnds.get(ends);
      if (list) list.push(w);
      else byEnds.set(ends, [w]);
    }
    contractionCache.set(index, byEnds);
  }
  const candidates = byEnds.get(word[0]! + word.at(-1)!) ?? [];
  return candidates.filter((w) => w.length >= word.length + 2 && isSubsequence(word, w));
}
const contractionCache = new WeakMap<SearchIndex, Map<string, string[]>>();

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const ch of long) if (ch === short[at]) at++;
  return at === short.length;
}

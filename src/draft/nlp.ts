import nlp from 'compromise';
import * as chrono from 'chrono-node';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * The English NLP libraries the drafter uses, loaded once. Only `src/draft/` imports this module:
 * the libraries cost hundreds of milliseconds to load, which the bot's start-up never pays.
 *   wink-nlp      sentences and date/time entities (it keeps "U.S." and "Col." inside a sentence)
 *   compromise    part-of-speech tags: names, titles, verbs and their infinitives
 *   chrono-node   what a time expression pins down (weekday, day, month, year), for its precision
 */
const wink = winkNLP(model);

export { chrono, wink };
export const its = wink.its;

/** Where wink-nlp's part-of-speech tagger puts a verb or an auxiliary in `text`. */
function winkVerbOffsets(text: string): number[] {
  const tokens = wink.readDoc(text).tokens();
  const words = tokens.out();
  const tags = tokens.out(its.pos);
  const out: number[] = [];
  let cursor = 0;
  words.forEach((w, i) => {
    const at = text.indexOf(w, cursor);
    if (at < 0) return;
    cursor = at + w.length;
    if (tags[i] === 'VERB' || tags[i] === 'AUX') out.push(at);
  });
  return out;
}

/**
 * A same-length copy of `text` the libraries read better: curly quotes and apostrophes straight,
 * dashes as spaces (compromise reads "Donahue—the" as one word and misses "Trump’s" as a name).
 * Same length, so every offset found in it is an offset in the original: quotes stay verbatim.
 */
export function forNlp(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/[—–]/g, ' ');
}

export interface Term {
  /** The word as written in the original text (no surrounding punctuation). */
  text: string;
  /** Offsets of the word in the text given to `terms`. */
  start: number;
  end: number;
  tags: ReadonlySet<string>;
  /** Punctuation and space right after the word (", ", ". "). */
  post: string;
}

interface TermJson {
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

/** compromise's words of `text`, with tags and offsets into `text`. */
export function terms(text: string): Term[] {
  const json = nlp(forNlp(text)).json({ offset: true, terms: { tags: true, offset: true } }) as { terms: TermJson[] }[];
  return json.flatMap((s) =>
    s.terms.map((t) => ({
      text: text.slice(t.offset.start, t.offset.start + t.offset.length),
      start: t.offset.start,
      end: t.offset.start + t.offset.length,
      tags: new Set(t.tags),
      // The punctuation as written: the copy the libraries read has dashes turned to spaces.
      post: text.slice(t.offset.start + t.offset.length, t.offset.start + t.offset.length + t.post.length),
    })),
  );
}

export interface VerbInfo {
  /** The verb phrase as written ("has been leading"). */
  text: string;
  start: number;
  end: number;
  infinitive: string;
  /** "is", "was", passives and modals: a question keeps them rather than using "did". */
  auxiliary: string;
  copula: boolean;
}

interface VerbJson {
  offset: { start: number; length: number };
  verb: { infinitive: string; auxiliary: string; grammar: { copula?: boolean } };
}

/**
 * The verb phrases of `text`, in order, with offsets into `text` and their infinitives. compromise
 * finds them and conjugates; wink-nlp's tagger confirms them, because compromise alone reads
 * "Previous attempts" and "talks over" as verbs.
 */
export function verbs(text: string): VerbInfo[] {
  const json = nlp(forNlp(text)).verbs().json({ offset: true }) as VerbJson[];
  const confirmed = winkVerbOffsets(text);
  const isVerb = (v: VerbJson) => confirmed.some((at) => at >= v.offset.start && at < v.offset.start + v.offset.length);
  return json.filter(isVerb).map((v) => ({
    text: text.slice(v.offset.start, v.offset.start + v.offset.length),
    start: v.offset.start,
    end: v.offset.start + v.offset.length,
    infinitive: v.verb.infinitive,
    auxiliary: v.verb.auxiliary,
    copula: v.verb.grammar.copula === true,
  }));
}

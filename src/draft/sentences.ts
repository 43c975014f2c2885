import type { ItemSentence } from 'wink-nlp';
import { wink } from './nlp.js';

/** A sentence of the report: where it is, and its exact text (a verbatim slice of its line). */
export interface Sentence {
  /** 1-based line number. */
  line: number;
  start: number;
  end: number;
  text: string;
}

/** A part of a line, with its verbatim text. */
export interface Span {
  line: number;
  start: number;
  end: number;
  text: string;
}

/**
 * The sentences of each line, found by wink-nlp (which knows "U.S." and "Col." do not end one),
 * then located in the line so that each text is a verbatim slice of it.
 */
export function splitSentences(lines: readonly string[]): Sentence[] {
  const out: Sentence[] = [];
  lines.forEach((lineText, i) => {
    let cursor = 0;
    wink
      .readDoc(lineText)
      .sentences()
      .each((s: ItemSentence) => {
        const words = s.tokens().out();
        const first = words[0];
        if (first === undefined) return;
        const start = lineText.indexOf(first, cursor);
        if (start < 0) return;
        // The sentence ends after its last token, found in order from its first.
        let end = start;
        for (const w of words) {
          const at = lineText.indexOf(w, end);
          if (at < 0) break;
          end = at + w.length;
        }
        cursor = end;
        const text = lineText.slice(start, end).trim();
        if (text) out.push({ line: i + 1, start, end, text });
      });
  });
  return out;
}

/** The span of `part` inside a sentence, if it is there. */
export function spanIn(sentence: Sentence, start: number, end: number): Span {
  return {
    line: sentence.line,
    start: sentence.start + start,
    end: sentence.start + end,
    text: sentence.text.slice(start, end),
  };
}

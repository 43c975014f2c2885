/**
 * Typo correction against the knowledge's own vocabulary: the vocabulary is a trie, walked with
 * one row of the edit distance per letter and pruned as soon as a row exceeds the typo budget, so
 * a correction visits only the few branches within reach of the typed word. Its cost depends on
 * the word, not on the size of the vocabulary, and it finds every word within the budget.
 */

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  /** The vocabulary word ending here, and its position in the vocabulary (to break ties stably). */
  word?: string;
  order?: number;
}

export interface TypoIndex {
  readonly root: TrieNode;
}

export function typoIndex(words: Iterable<string>): TypoIndex {
  const root: TrieNode = { children: new Map() };
  let order = 0;
  for (const w of words) {
    let node = root;
    for (const ch of w) {
      let next = node.children.get(ch);
      if (!next) node.children.set(ch, (next = { children: new Map() }));
      node = next;
    }
    if (node.word === undefined) {
      node.word = w;
      node.order = order++;
    }
  }
  return { root };
}

/** Largest edit distance accepted as a typo, by word length: short words have many neighbours. */
export function typoBudget(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

interface Candidate {
  word: string;
  d: number;
  /** 0 when it starts with the typed word's first letter, 1 with its second. */
  swapped: number;
  order: number;
}

/**
 * The vocabulary word `word` is a typo of, if any; numbers are never corrected. People rarely
 * mistype the first letter, so candidates start with the word's first letter, or its second in
 * case the first two were swapped ("rtump"). The fewest edits win; then a candidate with the same
 * first letter, the closest length, and the one the knowledge used first.
 */
export function correctTypo(index: TypoIndex, word: string): string | undefined {
  const budget = typoBudget(word.length);
  if (budget === 0 || /\d/.test(word)) return undefined;
  const chars = [...word];
  let best: Candidate | undefined;
  const consider = (c: Candidate) => {
    if (!best || better(c, best, chars)) best = c;
  };
  const first = [chars[0]!, chars[1]!];
  first.forEach((letter, swapped) => {
    if (swapped === 1 && letter === first[0]) return;
    const node = index.root.children.get(letter);
    if (!node) return;
    const start = Array.from({ length: chars.length + 1 }, (_, j) => j);
    walk(node, letter, '', start, undefined, 1, chars, budget, (w, d, order) =>
      consider({ word: w, d, swapped, order }),
    );
  });
  return best?.word;
}

function better(a: Candidate, b: Candidate, typed: readonly string[]): boolean {
  const length = typed.length;
  if (a.d !== b.d) return a.d < b.d;
  if (a.swapped !== b.swapped) return a.swapped < b.swapped;
  // As many edits, but one more likely made at a keyboard: a letter left out or a neighbouring
  // key, rather than a key across the keyboard ("dmitriv": Dmitriev, not Dmitriy).
  const ca = keyedCost(typed, [...a.word]);
  const cb = keyedCost(typed, [...b.word]);
  if (ca !== cb) return ca < cb;
  const la = Math.abs([...a.word].length - length);
  const lb = Math.abs([...b.word].length - length);
  if (la !== lb) return la < lb;
  return a.order < b.order;
}

/**
 * One trie letter `ch` at `depth`: the row of distances from the typed word's prefixes to the
 * trie path so far (optimal string alignment, a swap of neighbours counting as one edit, as
 * `typoDistance` does). A row whose smallest value is over budget cannot come back under it.
 */
function walk(
  node: TrieNode,
  ch: string,
  prevCh: string,
  prev: readonly number[],
  prevPrev: readonly number[] | undefined,
  depth: number,
  a: readonly string[],
  budget: number,
  found: (word: string, d: number, order: number) => void,
): void {
  const row = [depth];
  let rowMin = depth;
  for (let j = 1; j <= a.length; j++) {
    const cost = a[j - 1] === ch ? 0 : 1;
    let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
    if (prevPrev && j > 1 && a[j - 1] === prevCh && a[j - 2] === ch) d = Math.min(d, prevPrev[j - 2]! + 1);
    row.push(d);
    if (d < rowMin) rowMin = d;
  }
  if (node.word !== undefined && row[a.length]! <= budget) found(node.word, row[a.length]!, node.order!);
  if (rowMin > budget) return;
  for (const [next, child] of node.children) walk(child, next, ch, row, prev, depth + 1, a, budget, found);
}

/**
 * The vocabulary words that start with `prefix`, longer than it, at most `max` of them (one more
 * when there are more, so that a caller can tell "several" from "exactly `max`").
 */
export function completions(index: TypoIndex, prefix: string, max: number): string[] {
  let node: TrieNode | undefined = index.root;
  for (const ch of prefix) node = node?.children.get(ch);
  const out: string[] = [];
  const walk = (n: TrieNode) => {
    if (out.length > max) return;
    if (n.word !== undefined && n.word !== prefix) out.push(n.word);
    for (const child of n.children.values()) walk(child);
  };
  if (node) walk(node);
  return out;
}

/**
 * The edit distance from what was typed to a word, each edit weighed by how often typists make it:
 * a key next to the one meant or two letters swapped cost less than a letter left out or added,
 * which cost less than a key far from the one meant. Only to choose between words as many edits away.
 */
function keyedCost(typed: readonly string[], word: readonly string[]): number {
  const rows: number[][] = [Array.from({ length: word.length + 1 }, (_, j) => j * GAP)];
  for (let i = 1; i <= typed.length; i++) {
    const row = [i * GAP];
    for (let j = 1; j <= word.length; j++) {
      const t = typed[i - 1]!;
      const w = word[j - 1]!;
      const swap = t === w ? 0 : adjacent(t, w) ? NEIGHBOUR : FAR;
      let d = Math.min(rows[i - 1]![j]! + GAP, row[j - 1]! + GAP, rows[i - 1]![j - 1]! + swap);
      if (i > 1 && j > 1 && t === word[j - 2] && typed[i - 2] === w) d = Math.min(d, rows[i - 2]![j - 2]! + NEIGHBOUR);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[typed.length]![word.length]!;
}
const NEIGHBOUR = 0.5;
const GAP = 0.8;
const FAR = 1;
const KEYBOARD = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** Keys side by side, or above and below, on a QWERTY keyboard. */
function adjacent(a: string, b: string): boolean {
  const at = (c: string) => {
    const row = KEYBOARD.findIndex((r) => r.includes(c));
    return row < 0 ? undefined : { row, col: KEYBOARD[row]!.indexOf(c) + row * 0.5 };
  };
  const pa = at(a);
  const pb = at(b);
  return !!pa && !!pb && Math.abs(pa.row - pb.row) <= 1 && Math.abs(pa.col - pb.col) <= 1;
}

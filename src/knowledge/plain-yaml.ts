import { jsYaml } from './yaml-parsers.js';

/**
 * A reader for the plain block YAML that knowledge files are written in: lists of mappings, lists
 * of one-line scalars, comments and blank lines (see knowledge/stories/<story>/qa.yaml). It reads
 * a 50,000-entry folder several times faster than a general YAML parser. Anything it was not
 * written for (flow collections, block scalars, anchors, tags, a scalar over two lines, a
 * duplicate key, an escape JSON does not have...) gives `undefined`, and the caller parses the file
 * with a general parser: the result, or the problem reported, is always the general parser's.
 */

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

class NotPlain extends Error {}
const notPlain = (): never => {
  throw new NotPlain();
};

interface Line {
  indent: number;
  text: string;
  /** A blank or comment line comes before it. */
  gap: boolean;
}

/** The value of a plain YAML text, or undefined when it is not one this reader takes. */
export function readPlainYaml(text: string): unknown {
  try {
    const lines = linesOf(text);
    if (lines.length === 0) return undefined;
    const reader = { lines, at: 0 };
    const value = node(reader, lines[0]!.indent);
    return reader.at === lines.length ? value : undefined;
  } catch (err) {
    if (err instanceof NotPlain) return undefined;
    throw err;
  }
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  if (text.charCodeAt(0) === 0xfeff) notPlain();
  let gap = false;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    const rest = line.slice(indent);
    if (rest.trim() === '' || rest.startsWith('#')) {
      gap = true;
      continue;
    }
    if (rest.startsWith('\t')) notPlain();
    if (indent === 0 && (rest.startsWith('---') || rest.startsWith('...') || rest.startsWith('%'))) notPlain();
    lines.push({ indent, text: rest.trimEnd(), gap });
    gap = false;
  }
  return lines;
}

interface Reader {
  lines: Line[];
  at: number;
}

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;

/** The block node whose first line is the reader's current one, at `indent`. */
function node(r: Reader, indent: number): Value {
  const line = r.lines[r.at]!;
  if (line.indent !== indent) notPlain();
  if (line.text === '-' || line.text.startsWith('- ')) return sequence(r, indent);
  if (!KEY.test(line.text)) notPlain();
  r.at++;
  return mapping(r, indent, line.text);
}

function sequence(r: Reader, indent: number): Value[] {
  const items: Value[] = [];
  while (r.at < r.lines.length) {
    const line = r.lines[r.at]!;
    if (line.indent !== indent || !(line.text === '-' || line.text.startsWith('- '))) break;
    const rest = line.text === '-' ? '' : line.text.slice(2);
    let inner = 2;
    while (rest.charCodeAt(inner - 2) === 32) inner++;
    const item = rest.slice(inner - 2);
    r.at++;
    if (item === '') items.push(child(r, indent));
    else if (item === '-' || item.startsWith('- ')) notPlain();
    else if (KEY.test(item)) {
      // A mapping opened on the dash's line: its keys line up after the dash.
      items.push(mapping(r, indent + inner, item));
    } else items.push(scalar(continued(r, indent, item)));
  }
  return items;
}

/** A mapping at `indent`; its first line, already taken, is `first`. */
function mapping(r: Reader, indent: number, first: string): { [key: string]: Value } {
  const out: { [key: string]: Value } = {};
  let text: string | undefined = first;
  while (text !== undefined) {
    const [, key, value] = KEY.exec(text) ?? notPlain();
    if (key === '__proto__' || Object.hasOwn(out, key!)) notPlain();
    out[key!] = value === undefined || value === '' ? blockValue(r, indent) : scalar(continued(r, indent, value));
    const next = r.lines[r.at];
    text = next && next.indent === indent && KEY.test(next.text) ? next.text : undefined;
    if (text !== undefined) r.at++;
  }
  return out;
}

/** The value of a key with nothing after its colon: a nested block, a list at the key's indent, or null. */
function blockValue(r: Reader, indent: number): Value {
  const next = r.lines[r.at];
  if (next && next.indent === indent && (next.text === '-' || next.text.startsWith('- '))) return sequence(r, indent);
  return child(r, indent);
}

/** A node more indented than `indent` on the next line, or null when there is none. */
function child(r: Reader, indent: number): Value {
  const next = r.lines[r.at];
  return next && next.indent > indent ? node(r, next.indent) : null;
}

/**
 * A scalar that goes on over the next lines (more indented than `indent`): a long line folded by a
 * YAML writer. Its lines are joined by spaces, as YAML folds them; a blank or comment line among
 * them, or a line ending in an escape, is left to the general parser.
 */
function continued(r: Reader, indent: number, first: string): string {
  let text = first;
  for (let next = r.lines[r.at]; next && next.indent > indent; next = r.lines[r.at]) {
    if (next.gap || text.endsWith('\\')) notPlain();
    const c = next.text[0]!;
    // A plain scalar's next line must not look like anything but more of it.
    if (first[0] !== '"' && first[0] !== "'" && first[0] !== '[' && '#-?:'.includes(c)) notPlain();
    text += ' ' + next.text;
    r.at++;
  }
  return text;
}

/** `[a, b, c]` of plain scalars. */
function flowSequence(text: string): Value[] {
  if (!text.endsWith(']')) notPlain();
  const body = text.slice(1, -1).trim();
  if (body === '') return [];
  if (/[[\]{}#]/.test(body)) notPlain();
  return body.split(',').map((item) => {
    const plain = item.trim();
    if (plain === '' || plain.includes(':') || plain[0] === '"' || plain[0] === "'") notPlain();
    return scalar(plain);
  });
}

/** Plain scalars that the core schema may read as something other than a string. */
const MAYBE_TYPED = /^[-+.0-9~]|^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
const SMALL_INT = /^(?:0|[1-9][0-9]{0,14})$/;
const CORE_NULL = /^(?:null|Null|NULL|~)$/;
const CORE_BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;

function scalar(text: string): Value {
  const c = text[0]!;
  if (c === '"') return doubleQuoted(text);
  if (c === "'") return singleQuoted(text);
  if (c === '[') return flowSequence(text);
  // Indicators that open something else, and text a plain scalar cannot hold on one line.
  if (
    '[]{}#&*!|>%@`?:,'.includes(c) ||
    text === '-' ||
    text.startsWith('- ') ||
    text.includes(': ') ||
    text.includes(' #') ||
    text.includes('\t') ||
    text.endsWith(':')
  ) {
    return notPlain();
  }
  if (SMALL_INT.test(text)) return Number(text);
  // The core schema's null and booleans, as it spells them: no parser to load for a `draft: true`.
  if (CORE_NULL.test(text)) return null;
  if (CORE_BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (MAYBE_TYPED.test(text)) return jsYaml().load(text, { schema: jsYaml().CORE_SCHEMA }) as Value;
  return text;
}

function doubleQuoted(text: string): string {
  if (text.length < 2 || !text.endsWith('"')) notPlain();
  const body = text.slice(1, -1);
  // One string: no unescaped quote inside; and only the escapes JSON reads the same way.
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '"') notPlain();
    if (ch === '\\') {
      const next = body[i + 1];
      if (next === undefined || !'"\\/bfnrtu'.includes(next)) notPlain();
      i++;
    }
  }
  try {
    return JSON.parse(text) as string;
  } catch {
    return notPlain();
  }
}

function singleQuoted(text: string): string {
  if (text.length < 2 || !text.endsWith("'")) notPlain();
  const body = text.slice(1, -1);
  if (body.replaceAll("''", '').includes("'")) notPlain();
  return body.replaceAll("''", "'");
}

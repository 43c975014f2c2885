import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readPlainYaml } from '../src/knowledge/plain-yaml.js';
import { generateKnowledge } from '../src/evaluation/generate.js';
import { stringify } from 'yaml';
import { shippedKnowledgeBase } from './helpers/knowledge.js';

const root = path.resolve(import.meta.dirname, '..');

/** What js-yaml makes of a text, or 'error'. */
function general(text: string): unknown {
  try {
    return load(text, { schema: CORE_SCHEMA });
  } catch {
    return 'error';
  }
}

/** The fast reader either declines a text or reads exactly what js-yaml reads. */
function expectSameOrDeclined(text: string): unknown {
  const fast = readPlainYaml(text);
  if (fast !== undefined) expect(fast, text).toEqual(general(text));
  return fast;
}

async function yamlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const d of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) out.push(...(await yamlFiles(p)));
    else if (d.name.endsWith('.yaml')) out.push(p);
  }
  return out;
}

describe('reading plain knowledge YAML quickly', () => {
  it('reads every shipped knowledge file exactly as js-yaml does, declining none', async () => {
    const files = [
      ...(await yamlFiles(path.join(root, 'knowledge/stories'))),
      path.join(root, 'knowledge/synonyms.yaml'),
    ];
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) expect(expectSameOrDeclined(await readFile(file, 'utf8')), file).toBeDefined();
  });

  it('reads generated entries as the yaml package writes them (long lines folded) exactly as js-yaml does', async () => {
    const kb = await shippedKnowledgeBase();
    const entries = generateKnowledge(kb.knowledge, 300, 7).entries.map((e) => ({
      id: e.id,
      question: e.title,
      phrasings: e.phrasings,
      answer: `${e.answer} ${e.answer} — “quoted”, it's 28-point: yes`,
      sources: e.sources.map((s) => ({ line: s.line, quote: s.quote, by: 'cnn' })),
      draft: false,
    }));
    expect(expectSameOrDeclined(stringify(entries))).toBeDefined();
  });

  it('leaves to the general parser what it was not written for, and never reads it differently', () => {
    const declined = [
      'a: &x 1\nb: *x\n',
      'text: |\n  two\n  lines\n',
      'text: >\n  folded\n',
      'a: {b: 1}\n',
      'a: 1\na: 2\n',
      'a: !!str 1\n',
      '---\na: 1\n',
      'a: "one\\x41"\n',
      'a: b: c\n',
      '- - nested\n',
      'a: plain\n\n  after a blank line\n',
      'a: x # comment\n',
      'key: - x\n',
      '"quoted key": 1\n',
      'a:\n\t- tab\n',
      'just a scalar\n',
      '',
    ];
    for (const text of declined) expect(expectSameOrDeclined(text), text).toBeUndefined();
    const read = [
      '- id: x\n  line: 3\n  draft: true\n  none:\n  n: ~\n  f: 1.5\n  neg: -2\n  hex: 0x1F\n  word: 28-point plan\n',
      "- q: 'it''s'\n  d: \"say \\\"hi\\\" \\u00e9\"\n  list: [a, b c, Trump's envoy, 3]\n  empty: []\n",
      'a:\n- one\n- two\nb:\n  c: d\n',
      '# comment\n\n- a\n-   b\n- c:\n    - d\n',
      'a: long plain\n  text folded\n  over lines\nb: "quoted\n  folded"\n',
      'a: b\r\nc: d\r\n',
      'a: [true, True, TRUE, false, False, FALSE, null, Null, NULL, ~, tRUE, nULL]\nb: ~\nc: False\n',
    ];
    for (const text of read) expect(expectSameOrDeclined(text), text).toBeDefined();
  });
});

import type { YAMLMap } from 'yaml';
import { yamlPackage } from '../knowledge/yaml-parsers.js';

/** How knowledge files are written back: long lines and flow lists exactly as curators keep them. */
export const YAML_OUTPUT = { lineWidth: 0, flowCollectionPadding: false } as const;

export type EditOutcome = { ok: true; text: string } | { ok: false; message: string };

/**
 * Adds `phrasing` to the entry `entryId` of a knowledge file, through the yaml package's
 * Document API so every comment, blank line and the order of fields stay as the curator left
 * them. The file must hold a list of entries, and the entry a `phrasings` list (or none yet).
 */
export function addPhrasing(text: string, entryId: string, phrasing: string): EditOutcome {
  const { isMap, isScalar, isSeq, parseDocument } = yamlPackage();
  const doc = parseDocument(text);
  if (doc.errors.length) return { ok: false, message: `the file does not parse: ${doc.errors[0]!.message}` };
  if (!isSeq(doc.contents)) return { ok: false, message: 'the file is not a list of entries' };
  const entry = (doc.contents.items as unknown[]).find(
    (item): item is YAMLMap => isMap(item) && item.get('id') === entryId,
  );
  if (!entry) return { ok: false, message: `no entry "${entryId}" in the file` };
  const list = entry.get('phrasings', true);
  if (list === undefined) {
    // After the question (or the first field), where curators put phrasings.
    const at = entry.items.findIndex((p) => isScalar(p.key) && p.key.value === 'question');
    entry.items.splice(at >= 0 ? at + 1 : 1, 0, doc.createPair('phrasings', [phrasing]));
  } else if (isSeq(list)) {
    list.items.push(doc.createNode(phrasing));
  } else {
    return { ok: false, message: `entry "${entryId}" has phrasings that are not a list` };
  }
  return { ok: true, text: doc.toString(YAML_OUTPUT) };
}

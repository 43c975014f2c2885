/**
 * `npm run build` runs this after tsc: it writes the derived language resources (see derived.ts)
 * beside the compiled code, where the engine reads them.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { FREQUENCIES_FILE, WORDNET_FILE, frequenciesText, wordnetFromPackage, wordnetToText } from './derived.js';

export function writeLanguageResources(dir: string): void {
  writeFileSync(path.join(dir, FREQUENCIES_FILE), frequenciesText());
  writeFileSync(path.join(dir, WORDNET_FILE), wordnetToText(wordnetFromPackage()));
}

if (process.argv[1] === import.meta.filename) writeLanguageResources(import.meta.dirname);

/**
 * `npm run build` runs this last: it writes the derived language resources (see derived.ts and
 * wink-model.ts) beside the compiled code and beside the bundle, where the engine reads them (the
 * folder of its own module). Folders as arguments; none: this file's own.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  FREQUENCIES_FILE,
  GLOSSES_FILE,
  PLACES_FILE,
  WORDNET_FILE,
  frequenciesText,
  glossesFromPackage,
  glossesToText,
  placesFromPackage,
  placesToText,
  wordnetFromPackage,
  wordnetToText,
} from './derived.js';
import { WINK_CORE_FILE, winkCoreBytes } from './wink-model.js';

export function writeLanguageResources(dir: string): void {
  writeFileSync(path.join(dir, FREQUENCIES_FILE), frequenciesText());
  writeFileSync(path.join(dir, WORDNET_FILE), wordnetToText(wordnetFromPackage()));
  writeFileSync(path.join(dir, WINK_CORE_FILE), winkCoreBytes());
  writeFileSync(path.join(dir, PLACES_FILE), placesToText(placesFromPackage()));
  writeFileSync(path.join(dir, GLOSSES_FILE), glossesToText(glossesFromPackage()));
}

if (process.argv[1] === import.meta.filename) {
  const dirs = process.argv.slice(2);
  for (const dir of dirs.length ? dirs : [import.meta.dirname]) writeLanguageResources(dir);
}

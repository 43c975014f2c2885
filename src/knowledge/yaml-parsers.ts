import { createRequire } from 'node:module';
import type * as JsYaml from 'js-yaml';
import type * as Yaml from 'yaml';

/**
 * The general YAML parsers, each loaded when something first needs it. Most knowledge files are
 * read by plain-yaml.ts; the `yaml` package (a curator's edit, a file plain-yaml declines) and
 * js-yaml (a plain file with a typed scalar) would otherwise cost every start about 15 ms of
 * loading for nothing. Required, not imported, so the bundle leaves them in node_modules.
 */
const require = createRequire(import.meta.url);

export const yamlPackage = (): typeof Yaml => require('yaml') as typeof Yaml;
export const jsYaml = (): typeof JsYaml => require('js-yaml') as typeof JsYaml;

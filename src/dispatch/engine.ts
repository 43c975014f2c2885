/**
 * The part of the engine that is not a lookup, for the scripts that build knowledge bases to
 * measure them (eval's tuning sweep, the benchmark). Lookups are not here: transports ask the
 * `Dispatcher`, measurements use `src/evaluation`'s answerer. The import rule in eslint.config.js
 * keeps src/discord, src/console and scripts on this side of the line.
 */
export { buildKnowledgeBase, TUNING, type KnowledgeBase, type Lookup, type Tuning } from '../engine/answer.js';
export { TUNING_RANGES } from '../engine/tuning.js';

// The one clip(), for renderers that must fit a transport's limits; they read it here, not from the engine.
export { clip } from '../engine/text.js';

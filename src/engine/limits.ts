/** Limits on what the engine reads and returns. */

/**
 * Longest question read, in characters, after control characters and mentions are removed. Members
 * write rambling questions ("ok so I've been following the ukraine stuff for months and…"): these
 * are read, the asking sentences picked out; 1,000 characters (about 170 words) bounds the reading
 * at a few hundred tokens, well within the answer's time budget.
 */
export const MAX_QUERY_LENGTH = 1000;
/** Most "did you mean" suggestions offered at once. */
export const MAX_SUGGESTIONS = 3;
/** Entries scored per question: nobody reads past a few. */
export const MAX_RANKED = 10;

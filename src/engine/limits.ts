/** Limits on what the engine reads and returns. */

/** Longest question read, in characters, after control characters and mentions are removed. */
export const MAX_QUERY_LENGTH = 300;
/** Most "did you mean" suggestions offered at once. */
export const MAX_SUGGESTIONS = 3;
/** Entries scored per question: nobody reads past a few. */
export const MAX_RANKED = 10;

/**
 * Limits on the knowledge folder, in one place (stated in the README, "Limits and failure
 * behaviour"). They refuse absurd input with a problem instead of stalling the bot on it.
 */
export const KNOWLEDGE_LIMITS = {
  /** A report (the story's text). */
  reportBytes: 2 * 1024 * 1024,
  /** One YAML file (story.yaml, qa.yaml, people.yaml, events.yaml, gaps.yaml, synonyms.yaml). */
  yamlBytes: 32 * 1024 * 1024,
  /** Entries in the whole knowledge folder. */
  entries: 100_000,
  /** Characters of a short text: an id, a question, a phrasing, a name, a voice. */
  shortText: 300,
  /** Characters of a long text: an answer, a summary, a note, a quote. */
  longText: 3_000,
  /** Phrasings or aliases of one entry. */
  listItems: 100,
  /** Sources of one entry. */
  sources: 20,
  /** YAML aliases resolved in one file (a "billion laughs" file expands without bound). */
  yamlAliases: 1_000,
  /** How long a refresh may take before it is reported as failed and the next one may run. */
  refreshMs: 60_000,
} as const;

/**
 * Limits on answering, in one place (stated in the README, "Limits and failure behaviour").
 */
export const DISPATCH_LIMITS = {
  /**
   * Requests from members being answered at once: received, reply not yet sent. Past it a member
   * gets a short private "busy" instead of everyone's answers slowing down, and memory stays
   * bounded however fast interactions arrive. About 0.15 s of work at the rate the bot sustains.
   */
  inFlight: 200,
  /**
   * "Busy" replies being sent at once. Past both limits an interaction is dropped unanswered
   * (and logged): sending even a short reply to everything would let memory grow without bound.
   */
  busyInFlight: 400,
  /** How long a busy member is told to wait before asking again. */
  busyRetrySeconds: 5,
} as const;

/**
 * Limits on questions asked in messages (a mention of the bot, a DM, a reply to an answer), so a
 * burst of mentions cannot make the bot flood a channel.
 */
export const MESSAGE_LIMITS = {
  /** Mention answers per channel: at most `uses` in any `perMs`; past it, mentions go unanswered (logged). */
  perChannel: { uses: 6, perMs: 30_000 },
  /** How long an answer's context is kept for a follow-up, and a message remembered as answered. */
  conversationMs: 60 * 60_000,
  /** Values kept at most in memory when the bot has no storage. */
  rememberedInMemory: 10_000,
} as const;

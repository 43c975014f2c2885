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

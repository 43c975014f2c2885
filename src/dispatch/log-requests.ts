import type { Logger } from '../logger.js';
import type { RequestListener } from './dispatcher.js';

/**
 * The log's view of requests: one line per request with its latency (the error first when a handler
 * threw), and one per knowledge refresh with who asked and what changed.
 */
export function logRequests(log: Logger): RequestListener {
  return ({ request, command, status, ms, entry, reply, error }) => {
    const fields = {
      source: request.source,
      interaction: request.id,
      type: request.kind,
      via: 'via' in request ? request.via : undefined,
      command,
      user: request.invoker.id,
      guild: request.invoker.guildId,
      status,
      entry: entry ?? undefined,
      ms,
    };
    if (error !== undefined) log.error({ err: error, ...fields }, 'interaction handler failed');
    log.info(fields, 'interaction');
    if (reply?.type !== 'refresh') return;
    const who = { user: request.invoker.id, guild: request.invoker.guildId };
    const { outcome } = reply;
    if (outcome.ok)
      log.info({ ...who, diff: outcome.diff, entries: outcome.entries, ms: outcome.ms }, 'knowledge refreshed');
    else
      log.warn(
        { ...who, problems: outcome.problems.length, first: outcome.problems[0] },
        'knowledge refresh refused; previous knowledge still serving',
      );
  };
}

import type { Command, CommandContext, ComponentHandler } from '../src/dispatch/command.js';
import type { Reply } from '../src/dispatch/reply.js';
import { paginate } from '../src/curation/describe.js';
import { formatUnanswered, unansweredReport } from '../src/curation/unanswered.js';

/** Questions listed at most, as `npm run bench` measures the report; the reply is paged when long. */
const MAX_QUESTIONS = 10;
/** Characters a page holds: under Discord's 4,096 for an embed, with room for escaping. */
const PAGE_CHARS = 3500;
const DAYS = { min: 1, max: 3650 } as const;

/**
 * What members asked in vain: the most-asked declined or unsure questions of the last `days`,
 * near-duplicates grouped, each with its count, when it was last asked and the engine's best
 * suggestions to teach it to; then the entries members voted "Not helpful". For moderators only.
 */
async function page(ctx: CommandContext, days: number, at: number): Promise<Reply> {
  const { curation, store } = ctx;
  if (!curation) {
    return { type: 'info', title: 'Unanswered questions', lines: ['No question log here.'], ephemeral: true };
  }
  // Questions asked a moment ago are still queued for writing.
  await curation.questions.flush();
  const report = await unansweredReport(curation.storage, store.current, { days, limit: MAX_QUESTIONS });
  const pages = paginate(formatUnanswered(report).split('\n'), PAGE_CHARS);
  const n = Math.min(Math.max(at, 0), pages.length - 1);
  const button = (to: number, label: string) => ({
    id: `unanswered:${days}:${to}`,
    label,
    style: 'secondary' as const,
  });
  const buttons = [
    ...(n > 0 ? [button(n - 1, 'Previous')] : []),
    ...(n < pages.length - 1 ? [button(n + 1, 'Next')] : []),
  ];
  return {
    type: 'info',
    title: pages.length > 1 ? `Unanswered questions (${n + 1}/${pages.length})` : 'Unanswered questions',
    lines: pages[n]!,
    ephemeral: true,
    ...(buttons.length ? { buttons } : {}),
  };
}

const pages: ComponentHandler = {
  prefix: 'unanswered',
  access: 'moderators',
  defer: 'private',
  replaces: true,
  run: (ctx, customId) => {
    const [, days = '7', at = '0'] = customId.split(':');
    return page(ctx, clampDays(Number(days)), Number(at) || 0);
  },
};

function clampDays(days: number): number {
  return Number.isInteger(days) ? Math.min(Math.max(days, DAYS.min), DAYS.max) : 7;
}

export default {
  name: 'unanswered',
  description: 'Moderators: the questions members asked that got no answer, and answers voted not helpful',
  options: [{ name: 'days', description: 'How many days back (default 7)', required: false, integer: DAYS }],
  access: 'moderators',
  defer: 'private',
  cooldown: 'none',
  run: (ctx, options) => page(ctx, options.days ? Number(options.days) : 7, 0),
  components: [pages],
} satisfies Command;

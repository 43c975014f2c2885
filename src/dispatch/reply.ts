import type { Answer } from '../engine/answer.js';
import type { RefreshOutcome } from '../knowledge/store.js';

// Renderers (Discord, console) read these engine types through here, never from the engine itself.
export type { Answer, Status, Suggestion } from '../engine/answer.js';

/** Why a request got a short refusal instead of running: also its status in the request event. */
export type NoticeReason =
  'unknown_command' | 'too_long' | 'refused' | 'cooldown' | 'expired_pick' | 'invalid_component' | 'busy' | 'error';

/**
 * What every request gets back, whatever the transport. Discord renders it in `src/discord/render.ts`,
 * the console in `src/console/render.ts`.
 */
export type Reply =
  /** An engine answer with its evidence: public unless it is a decline. `question` is what was asked, shown above it. */
  | { type: 'answer'; answer: Answer; question?: string; answerId?: string }
  /** Help, about, and other text for a person; with buttons to press or files to download. */
  | {
      type: 'info';
      title: string;
      lines: string[];
      ephemeral: boolean;
      buttons?: readonly ReplyButton[];
      files?: readonly ReplyFile[];
    }
  /** A knowledge refresh outcome, for whoever asked: always private. */
  | { type: 'refresh'; outcome: RefreshOutcome }
  /** A short private refusal: unknown command, too long, not allowed, too fast, an expired button, an apology. */
  | { type: 'notice'; reason: NoticeReason; text: string };

/** A button under a reply; its id is handled by a `ComponentHandler` with the id's prefix. */
export interface ReplyButton {
  id: string;
  label: string;
  style: 'primary' | 'secondary' | 'danger';
}

/** A file sent with a reply (Discord: an attachment). */
export interface ReplyFile {
  name: string;
  text: string;
}

export function notice(reason: NoticeReason, text: string): Reply {
  return { type: 'notice', reason, text };
}

/** The status of a request that got this reply: the answer's, or what kind of reply it was. */
export function statusOf(reply: Reply): string {
  switch (reply.type) {
    case 'answer':
      return reply.answer.status;
    case 'refresh':
      return reply.outcome.ok ? 'refreshed' : 'refresh_refused';
    case 'info':
      return 'info';
    case 'notice':
      return reply.reason;
  }
}

import type { KnowledgeBase } from '../engine/answer.js';
import type { KnowledgeStore } from '../knowledge/store.js';
import { formatProblem } from '../knowledge/types.js';
import { knowledgeVersion } from '../knowledge/version.js';
import type { Logger } from '../logger.js';

/** How copies of the bot tell each other which knowledge version to serve. */
export interface VersionChannel {
  /** Announces `version` to every copy, and records it for copies that start later. */
  publish(version: string): Promise<void>;
  /** `listener` gets each announced version, and the latest one on every (re)connection. */
  subscribe(listener: (version: string) => void): void;
  /** Null when the channel works; otherwise why not, in a few words. */
  check(): Promise<string | null>;
  close(): Promise<void>;
}

export interface SyncStatus {
  version: string;
  /** A version another copy announced that this copy could not load: it still serves `version`. */
  failed: { version: string; problems: string[]; at: string } | null;
}

const versions = new WeakMap<KnowledgeBase, string>();
/** The version of the knowledge a base was built from, computed once per base. */
export function versionOf(kb: KnowledgeBase): string {
  let v = versions.get(kb);
  if (!v) versions.set(kb, (v = knowledgeVersion(kb.knowledge)));
  return v;
}

/**
 * Keeps the copies of the bot on one knowledge version. The knowledge folder is shared (one
 * volume), so a version is a promise that the files now load to it: a copy that refreshes
 * announces its new version; the others reload, validate, and swap, exactly as for /refresh.
 * One that cannot load it keeps serving what it has and says so in its health.
 */
export class KnowledgeSync {
  #failed: SyncStatus['failed'] = null;
  /** The last version seen on the channel, from anyone; a copy announces only what is news. */
  #lastAnnounced: string | undefined;
  #reloading: Promise<void> = Promise.resolve();

  constructor(
    readonly store: KnowledgeStore,
    readonly channel: VersionChannel,
    readonly log: Logger,
  ) {}

  start(): void {
    this.store.onRefresh((outcome) => {
      if (!outcome.ok) return;
      const version = versionOf(this.store.current);
      if (version === this.#lastAnnounced) return;
      this.#lastAnnounced = version;
      this.channel
        .publish(version)
        .catch((err) => this.log.error({ err, version }, 'could not announce the new knowledge version'));
    });
    this.channel.subscribe((version) => {
      this.#lastAnnounced = version;
      // One reload at a time; a burst of announcements collapses into reloads that find no change.
      this.#reloading = this.#reloading.then(() => this.#follow(version));
    });
  }

  get status(): SyncStatus {
    return { version: versionOf(this.store.current), failed: this.#failed };
  }

  /** Resolves once announcements received so far have been acted on (for tests and shutdown). */
  settled(): Promise<void> {
    return this.#reloading;
  }

  async #follow(announced: string): Promise<void> {
    const before = versionOf(this.store.current);
    if (announced === before) {
      this.#failed = null;
      return;
    }
    const outcome = await this.store.refresh();
    if (outcome.ok) {
      this.#failed = null;
      const now = versionOf(this.store.current);
      this.log.info({ announced, from: before, to: now, diff: outcome.diff }, 'knowledge reloaded for another copy');
    } else {
      const problems = outcome.problems.map(formatProblem);
      this.#failed = { version: announced, problems: problems.slice(0, 5), at: new Date().toISOString() };
      this.log.warn(
        { announced, serving: before, problems: problems.length, first: problems[0] },
        'another copy announced knowledge this copy cannot load; still serving the previous version',
      );
    }
  }
}

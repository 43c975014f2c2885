import type { Conversation } from '../engine/follow-up.js';
import { MESSAGE_LIMITS } from './limits.js';

/** The part of the bot's storage conversations need: short-lived values (see `Storage`). */
export interface ValueStore {
  getValue(key: string): Promise<string | null>;
  setValue(key: string, value: string, ttlMs: number): Promise<void>;
  claimValue(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Counts a hit on `key` in a fixed window of `windowMs`, shared by every copy of the bot. */
  hit(key: string, windowMs: number): Promise<{ count: number }>;
}

/**
 * What the bot remembers of the questions asked in messages: the entry each answer was about, by
 * the answer's message id, for an hour (a reply to it is a follow-up); and which messages it has
 * answered, so a message the gateway delivers again is answered once. In the bot's storage when it
 * has one (shared by every copy of the bot on one DATABASE_URL), else in memory.
 */
export class Conversations {
  readonly #store: ValueStore;

  constructor(store?: ValueStore, ttlMs: number = MESSAGE_LIMITS.conversationMs) {
    this.#store = store ?? new MemoryValues();
    this.ttlMs = ttlMs;
  }

  readonly ttlMs: number;

  /** The conversation an answer (by its message id) belongs to, while it is kept. */
  async recall(answerId: string): Promise<Conversation | null> {
    const raw = await this.#store.getValue(`conversation:${answerId}`);
    if (!raw) return null;
    try {
      const parsed = JSON.parse(raw) as Partial<Conversation>;
      return typeof parsed.entry === 'string' ? { entry: parsed.entry } : null;
    } catch {
      return null;
    }
  }

  async remember(answerId: string, conversation: Conversation): Promise<void> {
    await this.#store.setValue(`conversation:${answerId}`, JSON.stringify(conversation), this.ttlMs);
  }

  /**
   * Counts a mention answer in a channel: true while the channel is within
   * `MESSAGE_LIMITS.perChannel`, counted across every copy of the bot that shares the storage.
   */
  async withinChannelRate(channelId: string): Promise<boolean> {
    const { uses, perMs } = MESSAGE_LIMITS.perChannel;
    return (await this.#store.hit(`channel-answers:${channelId}`, perMs)).count <= uses;
  }

  /** True the first time a message (by id) is claimed for answering within the hour; false after. */
  claim(messageId: string): Promise<boolean> {
    return this.#store.claimValue(`answered:${messageId}`, '1', this.ttlMs);
  }
}

/** Short-lived values in this process, for a bot without storage (tests, a console): bounded. */
class MemoryValues implements ValueStore {
  readonly #values = new Map<string, { value: string; expires: number }>();

  async getValue(key: string): Promise<string | null> {
    const hit = this.#values.get(key);
    return hit && hit.expires > Date.now() ? hit.value : null;
  }

  async setValue(key: string, value: string, ttlMs: number): Promise<void> {
    this.#put(key, value, Date.now() + ttlMs);
  }

  async claimValue(key: string, value: string, ttlMs: number): Promise<boolean> {
    // Checked and set with no await between: two deliveries arriving together cannot both win.
    const held = this.#values.get(key);
    if (held && held.expires > Date.now()) return false;
    this.#put(key, value, Date.now() + ttlMs);
    return true;
  }

  async hit(key: string, windowMs: number): Promise<{ count: number }> {
    const now = Date.now();
    const kept = this.#values.get(key);
    const current = kept && kept.expires > now ? kept : undefined;
    const count = current ? Number(current.value) + 1 : 1;
    // A fixed window: it starts with the first hit and ends `windowMs` later, whatever comes in between.
    this.#put(key, String(count), current ? current.expires : now + windowMs);
    return { count };
  }

  #put(key: string, value: string, expires: number): void {
    const now = Date.now();
    if (!this.#values.has(key) && this.#values.size >= MESSAGE_LIMITS.rememberedInMemory) {
      for (const [k, v] of this.#values) if (v.expires <= now) this.#values.delete(k);
      // Still full: forget the oldest (a Map iterates in insertion order).
      while (this.#values.size >= MESSAGE_LIMITS.rememberedInMemory) {
        this.#values.delete(this.#values.keys().next().value!);
      }
    }
    this.#values.set(key, { value, expires });
  }
}

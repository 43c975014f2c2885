import { readFile, rename } from 'node:fs/promises';
import type { Storage } from '../storage/storage.js';

/** How long a copy trusts its cached pins before reading them again: another copy's pin arrives within this. */
export const PIN_CACHE_MS = 5_000;

/**
 * Which story each channel is pinned to: questions there go to it first. The pins live in the
 * database (the `pins` table), so every copy of the bot sees them and they outlive a restart. The
 * answer path reads them from memory: the whole table (one row per pinned channel) is read again
 * at most once every `ttlMs`, on the first lookup after that, and one read serves every lookup
 * waiting on it. A pin made on this copy is seen here at once; one made on another copy, on the
 * first lookup after the cache expires.
 */
export class ChannelPins {
  #cache = new Map<string, string>();
  #readAt = -Infinity;
  #reading: Promise<void> | null = null;

  constructor(
    readonly storage: Storage,
    readonly ttlMs = PIN_CACHE_MS,
    readonly now: () => number = Date.now,
  ) {}

  /** The story `channel` is pinned to, if any. */
  async get(channel: string | null | undefined): Promise<string | undefined> {
    if (!channel) return undefined;
    if (this.now() - this.#readAt >= this.ttlMs) await this.#read();
    return this.#cache.get(channel);
  }

  async pin(channel: string, story: string): Promise<void> {
    await this.storage.pin(channel, story, this.now());
    this.#cache.set(channel, story);
  }

  /** False when the channel had no pin. */
  async unpin(channel: string): Promise<boolean> {
    const had = await this.storage.unpin(channel);
    this.#cache.delete(channel);
    return had;
  }

  /**
   * Brings in the pins an older version kept in a JSON file (`{ channel: story }`): each channel
   * not pinned in the database yet is pinned as the file says, then the file is renamed
   * `<file>.imported` so this happens once and nothing is lost. Returns how many were imported;
   * no file (or an unreadable one, left where it is) imports nothing.
   */
  async importFile(file: string): Promise<number> {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      return 0;
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 0;
    const have = await this.storage.pins();
    let imported = 0;
    for (const [channel, story] of Object.entries(raw)) {
      if (typeof story !== 'string' || have.has(channel)) continue;
      await this.storage.pin(channel, story, this.now());
      imported++;
    }
    await rename(file, `${file}.imported`);
    this.#readAt = -Infinity;
    return imported;
  }

  #read(): Promise<void> {
    this.#reading ??= this.storage
      .pins()
      .then(
        (pins) => {
          this.#cache = pins;
          this.#readAt = this.now();
        },
        () => {
          // The database is unreachable: answer with the pins last read, and try again after the TTL.
          this.#readAt = this.now();
        },
      )
      .finally(() => {
        this.#reading = null;
      });
    return this.#reading;
  }
}

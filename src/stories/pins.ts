import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Which story each channel is pinned to: questions there go to it first. Kept in memory and, when
 * given a file, saved there (written whole to a temporary file, then renamed, so a crash never
 * leaves half a file) and read back at start.
 */
export class PinStore {
  #pins = new Map<string, string>();

  private constructor(readonly file: string | null) {}

  static async open(file: string | null): Promise<PinStore> {
    const pins = new PinStore(file);
    if (file) {
      try {
        const raw = JSON.parse(await readFile(file, 'utf8')) as unknown;
        if (raw && typeof raw === 'object') {
          for (const [channel, story] of Object.entries(raw))
            if (typeof story === 'string') pins.#pins.set(channel, story);
        }
      } catch {
        // No file yet, or a broken one: start with no pins rather than not start.
      }
    }
    return pins;
  }

  get(channel: string | null | undefined): string | undefined {
    return channel ? this.#pins.get(channel) : undefined;
  }

  async pin(channel: string, story: string): Promise<void> {
    this.#pins.set(channel, story);
    await this.#save();
  }

  async unpin(channel: string): Promise<boolean> {
    const had = this.#pins.delete(channel);
    if (had) await this.#save();
    return had;
  }

  async #save(): Promise<void> {
    if (!this.file) return;
    await mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(Object.fromEntries(this.#pins), null, 2)}\n`);
    await rename(tmp, this.file);
  }
}

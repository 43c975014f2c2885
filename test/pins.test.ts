import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Storage } from '../src/storage/storage.js';
import { ChannelPins } from '../src/stories/pins.js';
import { testDatabases } from './helpers/databases.js';

describe.each(testDatabases().map((d) => [d.name, d] as const))('channel pins on %s', (_name, database) => {
  let options: Awaited<ReturnType<typeof database.options>>;
  let storage: Storage;
  let now = 1_000_000;
  const clock = () => now;

  beforeEach(async () => {
    options = await database.options();
    storage = await Storage.open(options);
    now = 1_000_000;
  });
  afterEach(async () => {
    await storage.close();
    await options.cleanup();
  });

  it('keeps a pin in the database: a restarted bot still routes the channel', async () => {
    await new ChannelPins(storage).pin('123', 'harbour-strike');
    await storage.close();
    storage = await Storage.open(options);
    const pins = new ChannelPins(storage);
    expect(await pins.get('123')).toBe('harbour-strike');
    expect(await pins.get('456')).toBeUndefined();
    expect(await pins.unpin('123')).toBe(true);
    expect(await pins.unpin('123')).toBe(false);
    expect(await new ChannelPins(storage).get('123')).toBeUndefined();
  });

  it('re-pinning a channel moves it to the new story', async () => {
    const pins = new ChannelPins(storage);
    await pins.pin('123', 'harbour-strike');
    await pins.pin('123', 'ukraine-peace-push');
    expect(await new ChannelPins(storage).get('123')).toBe('ukraine-peace-push');
  });

  it('a pin made on one copy of the bot reaches another once its cache expires', async () => {
    const one = new ChannelPins(storage, 5_000, clock);
    const other = new ChannelPins(storage, 5_000, clock);
    expect(await other.get('123')).toBeUndefined();
    await one.pin('123', 'harbour-strike');
    // This copy sees its own pin at once; the other still answers from memory...
    expect(await one.get('123')).toBe('harbour-strike');
    expect(await other.get('123')).toBeUndefined();
    // ...until its cache is older than the TTL.
    now += 5_000;
    expect(await other.get('123')).toBe('harbour-strike');
    await one.unpin('123');
    now += 5_000;
    expect(await other.get('123')).toBeUndefined();
  });

  it('brings in an older version’s pins.json once, keeping pins already in the database', async () => {
    const file = path.join(options.dataDir, 'pins.json');
    await writeFile(file, JSON.stringify({ '123': 'harbour-strike', '456': 'ukraine-peace-push', bad: 7 }));
    const pins = new ChannelPins(storage);
    await pins.pin('456', 'harbour-strike');
    expect(await pins.importFile(file)).toBe(1);
    expect(await pins.get('123')).toBe('harbour-strike');
    expect(await pins.get('456')).toBe('harbour-strike');
    // The file is kept, renamed, so a second start imports nothing and nothing is lost.
    expect(existsSync(file)).toBe(false);
    expect(JSON.parse(await readFile(`${file}.imported`, 'utf8'))).toMatchObject({ '123': 'harbour-strike' });
    expect(await pins.importFile(file)).toBe(0);
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { readConfig } from '../src/config.js';
import { Dispatcher } from '../src/dispatch/dispatcher.js';
import { createBot, type Bot } from '../src/discord/bot.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { createLogger } from '../src/logger.js';
import { openCuration, type Curation } from '../src/curation/services.js';
import {
  APP_ID,
  FakeDiscord,
  GUILD_ID,
  MODERATOR_PERMISSIONS,
  TOKEN,
  type Recorded,
} from '../src/testing/fake-discord.js';
import { copyKnowledge, ROOT } from './helpers/knowledge.js';

let fake: FakeDiscord;
let bot: Bot;
let scratch: Awaited<ReturnType<typeof copyKnowledge>>;
let curation: Curation;
let users = 0;
const member = () => ({ user: { id: String(900000000000700000n + BigInt(++users)) } });
const moderator = () => ({ ...member(), permissions: MODERATOR_PERMISSIONS });
const embedOf = (r: Recorded) => r.body.data.embeds[0];
const PINNED_CHANNEL = '900000000000000777';

beforeAll(async () => {
  fake = await FakeDiscord.start();
  scratch = await copyKnowledge();
  const config = readConfig(
    {
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_GUILD_ID: GUILD_ID,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: path.join(scratch.dir, 'data'),
    },
    { dotenv: false },
  );
  const store = await KnowledgeStore.open(scratch.dir);
  // The bot's state (the pins among it) in an embedded database under the scratch folder.
  curation = await openCuration(config.storage, store);
  const dispatcher = new Dispatcher({ store, commands, curation });
  bot = await createBot({ config, discord: config.discord!, dispatcher, log: createLogger({ level: 'silent' }) });
});

afterAll(async () => {
  await bot?.stop();
  await curation?.close();
  await fake?.stop();
  await scratch?.remove();
});

describe('/story add, through Discord', () => {
  it('drafts the attached report, loads it without a restart, and says what it found; then answers from it', async () => {
    const report = await readFile(path.join(ROOT, 'test/fixtures/reports/harbour-strike.txt'), 'utf8');
    const deferred = await fake.command(
      'story',
      { action: 'add', name: 'harbour-strike' },
      {
        ...moderator(),
        attachments: { report: { filename: 'harbour-strike.txt', text: report } },
      },
    );
    expect(deferred.body.type).toBe(5);
    // Drafting loads the NLP libraries on first use: allow for a busy machine.
    const edit = await fake.waitFor(
      (r) => r.method === 'PATCH' && /Story (?:not )?added/.test(JSON.stringify(r.body)),
      25_000,
    );
    expect(edit.body.embeds[0].title).toBe('Story added: harbour-strike');
    expect(edit.body.embeds[0].description).toMatch(/11 sentences, 4 people, 10 time expressions/);
    expect(edit.body.embeds[0].description).toMatch(/Marieke Visser, Boudewijn Siemons, Pieter Janssen, Sofia Brandt/);

    const r = await fake.command('ask', { question: 'how many vessels were diverted to antwerp' }, member());
    const embed = embedOf(r);
    expect(embed.fields[0].name).toMatch(/^Line 4 · Terminal operator ECT/);
    expect(embed.fields[0].value).toContain('Terminal operator ECT said it had diverted 14 vessels');
    // Two stories loaded: the answer names its story.
    expect(embed.footer.text).toMatch(/^Story: Dock workers at the Port of Rotterdam/);
  });

  it('is refused to a member who is not a moderator, and changes nothing', async () => {
    await fake.command('story', { action: 'remove', name: 'harbour-strike' }, member());
    await fake.waitFor((r) => r.method === 'PATCH' && /Only moderators/.test(JSON.stringify(r.body)));
    const r = await fake.command('ask', { question: 'how many vessels were diverted to antwerp' }, member());
    expect(embedOf(r).fields[0].value).toContain('diverted 14 vessels');
  });

  it('offers the loaded stories for the story option, and answers from the story chosen', async () => {
    const choices = await fake.autocomplete('ask', 'story', 'rotterdam', member());
    expect(choices.body.data.choices).toEqual([
      { name: expect.stringMatching(/^Dock workers/), value: 'harbour-strike' },
    ]);
    const r = await fake.command('when', { event: 'wednesday', story: 'harbour-strike' }, member());
    expect(embedOf(r).fields[0].value).toContain('Bloomberg reported on Wednesday');
  });
});

describe('/story pin, through Discord', () => {
  it('routes a channel’s questions to its pinned story first', async () => {
    // Unpinned, "what happened on wednesday" is answered by two stories: the bot asks which.
    const before = await fake.command(
      'ask',
      { question: 'what happened on wednesday' },
      { ...member(), channelId: PINNED_CHANNEL },
    );
    expect(embedOf(before).description).toMatch(/Which story/);
    await fake.command(
      'story',
      { action: 'pin', name: 'ukraine-peace-push' },
      { ...moderator(), channelId: PINNED_CHANNEL },
    );
    await fake.waitFor((r) => r.method === 'PATCH' && /Story pinned/.test(JSON.stringify(r.body)));
    const after = await fake.command(
      'ask',
      { question: 'what happened on wednesday' },
      { ...member(), channelId: PINNED_CHANNEL },
    );
    expect(JSON.stringify(after.body)).not.toMatch(/Which story/);
    expect(JSON.stringify(after.body)).not.toMatch(/Rotterdam/);
    // Another channel is not pinned.
    const elsewhere = await fake.command('ask', { question: 'what happened on wednesday' }, member());
    expect(embedOf(elsewhere).description).toMatch(/Which story/);
    // The pin is kept in the bot's database, where a restart or another copy finds it.
    expect((await curation.storage.pins()).get(PINNED_CHANNEL)).toBe('ukraine-peace-push');
  });

  it('keeps the pin when /story comes without an action, and says which actions there are', async () => {
    await fake.command('story', {}, { ...moderator(), channelId: PINNED_CHANNEL });
    const reply = await fake.waitFor((r) => r.method === 'PATCH' && /Which action/.test(JSON.stringify(r.body)));
    expect(JSON.stringify(reply.body)).toMatch(/add, remove, pin, unpin/);
    expect((await curation.storage.pins()).get(PINNED_CHANNEL)).toBe('ukraine-peace-push');
    await fake.command('story', { action: 'unpin' }, { ...moderator(), channelId: PINNED_CHANNEL });
    await fake.waitFor((r) => r.method === 'PATCH' && /Story unpinned/.test(JSON.stringify(r.body)));
    expect((await curation.storage.pins()).get(PINNED_CHANNEL)).toBeUndefined();
  });
});

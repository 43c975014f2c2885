import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { readConfig } from '../src/config.js';
import { Dispatcher } from '../src/dispatch/dispatcher.js';
import type { Answer } from '../src/dispatch/reply.js';
import { createBot, type Bot } from '../src/discord/bot.js';
import { renderAnswer } from '../src/discord/render.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { createLogger } from '../src/logger.js';
import { embedProblem, FakeDiscord, TOKEN } from '../src/testing/fake-discord.js';
import { copyKnowledge, QA, STORY_DIR } from './helpers/knowledge.js';

/** Characters Discord counts towards an embed's 6,000. */
function embedTotal(embed: any): number {
  const fields: any[] = embed.fields ?? [];
  return [embed.title, embed.description, embed.footer?.text, ...fields.flatMap((f) => [f.name, f.value])]
    .map((t) => (t ?? '').length)
    .reduce((a, b) => a + b, 0);
}

describe('an answer too long for one Discord embed', () => {
  const long: Answer = {
    status: 'answered',
    lookup: 'ask',
    answer: 'A'.repeat(4000),
    text: 'A'.repeat(4000),
    sources: Array.from({ length: 30 }, (_, i) => ({
      story: 'story',
      line: i + 1,
      quote: `${i + 1} ${'q'.repeat(1100)}`,
      attribution: 'CNN',
    })),
    confidence: 1,
    entry: 'long',
    suggestions: [],
    conflict: false,
    missing: null,
    story: null,
  };

  it('keeps every part within Discord’s limits, the answer and its first quote shown', () => {
    const message = renderAnswer(long, `${'why '.repeat(100)}?`);
    expect(embedProblem(message)).toBeUndefined();
    const embed = (message.embeds![0] as any).toJSON();
    expect(embedTotal(embed)).toBeLessThanOrEqual(6000);
    expect(embed.description).toMatch(/^A{100}/);
    expect(embed.fields[0].value).toMatch(/^> 1 q{100}/);
  });

  it('points to /source for each line it had to leave out', () => {
    const embed = (renderAnswer(long).embeds![0] as any).toJSON();
    const shown = embed.fields.length;
    expect(shown).toBeLessThan(30);
    expect(embed.footer.text).toContain(`/source ${shown + 1}`);
    expect(embed.footer.text).toContain('/source 30');
  });
});

describe('a long curated entry, asked on Discord', () => {
  let fake: FakeDiscord;
  let bot: Bot;
  let scratch: Awaited<ReturnType<typeof copyKnowledge>>;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    scratch = await copyKnowledge();
    // An entry quoting whole lines of the report, the longest ones twice, under a long answer:
    // within every knowledge limit, over Discord's 6,000 characters in all.
    const lines = (await readFile(path.join(STORY_DIR, 'report.txt'), 'utf8')).split('\n');
    const sources = [1, 2, 3, 4, 5, 6, 7, 4, 7, 5]
      .map((n) => `    - line: ${n}\n      quote: ${JSON.stringify(lines[n - 1]!.trim())}\n      by: ani`)
      .join('\n');
    const answer = `Everything the report says, at length. ${'The report goes on. '.repeat(140)}`;
    await scratch.edit(
      QA,
      (t) =>
        `${t}\n- id: everything-at-length\n  question: Tell me absolutely everything in the report\n  phrasings:\n    - tell me absolutely everything\n  answer: ${JSON.stringify(answer)}\n  sources:\n${sources}\n`,
    );
    const config = readConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl }, { dotenv: false });
    const store = await KnowledgeStore.open(scratch.dir);
    const dispatcher = new Dispatcher({ store, commands });
    bot = await createBot({ config, discord: config.discord!, dispatcher, log: createLogger({ level: 'silent' }) });
  });

  afterAll(async () => {
    await bot?.stop();
    await fake?.stop();
    await scratch?.remove();
  });

  it('is answered, not refused by Discord, with the first quote and a pointer to the rest', async () => {
    const r = await fake.command('ask', { question: 'tell me absolutely everything in the report' });
    expect(embedProblem(r.body.data)).toBeUndefined();
    const embed = r.body.data.embeds[0];
    expect(embed.description).toMatch(/^Everything the report says/);
    expect(embed.fields[0].name).toBe('Line 1 · ANI’s report, without naming a source');
    expect(embed.footer.text).toMatch(/^More from the report: .*\/source 5$/);
  });
});

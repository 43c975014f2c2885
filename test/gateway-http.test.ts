import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { readConfig } from '../src/config.js';
import { createBot, type Bot } from '../src/discord/bot.js';
import { Dispatcher } from '../src/dispatch/dispatcher.js';
import { startService, type Service } from '../src/http/service.js';
import { KnowledgeStore } from '../src/knowledge/store.js';
import { createLogger } from '../src/logger.js';
import { FakeDiscord, TOKEN } from '../src/testing/fake-discord.js';
import { KNOWLEDGE_DIR } from './helpers/knowledge.js';

/** Gateway mode with HTTP_PORT: the bot answers over the gateway, and serves /healthz and /metrics. */
let fake: FakeDiscord;
let bot: Bot;
let service: Service;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const config = readConfig(
    { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, HTTP_PORT: '0', HTTP_HOST: '127.0.0.1' },
    { dotenv: false },
  );
  const log = createLogger({ level: 'silent' });
  const store = await KnowledgeStore.open(KNOWLEDGE_DIR);
  const dispatcher = new Dispatcher({ store, commands });
  service = await startService({
    http: config.http!,
    store,
    dispatcher,
    log,
    modRoleIds: [],
    mode: 'gateway',
    databaseUrl: null,
  });
  bot = await createBot({ config, discord: config.discord!, dispatcher, log });
  service.metrics.gatewayPing(() => bot.client.ws.ping);
});

afterAll(async () => {
  await bot?.stop();
  await service?.close();
  await fake?.stop();
});

const url = (path: string) => `http://127.0.0.1:${service.server.port}${path}`;

describe('gateway mode with HTTP_PORT', () => {
  it('reports healthy in gateway mode, and has no interactions endpoint', async () => {
    const res = await fetch(url('/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, mode: 'gateway' });
    expect((await fetch(url('/interactions'), { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('counts interactions that came over the gateway', async () => {
    await fake.command('ask', { question: 'who is leading the talks?' }, { user: { id: '900000000000800001' } });
    const text = await (await fetch(url('/metrics'))).text();
    expect(text).toMatch(/storybot_interactions_total\{kind="command",command="ask",status="answered"\} 1/);
  });

  it('reports the gateway heartbeat round trip once there is one', async () => {
    service.metrics.gatewayPing(() => 42);
    expect(await (await fetch(url('/metrics'))).text()).toContain('storybot_gateway_ping_seconds 0.042');
  });
});

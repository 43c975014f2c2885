import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../src/config.js';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAw.GhIjKl.abcdefghijklmnopqrstuvwxyz012345';
const read = (env: Record<string, string>) => readConfig(env, { dotenv: false, cwd: '/srv/bot' });

describe('configuration', () => {
  it('without a token runs the console, with defaults', () => {
    const config = read({});
    expect(config).toMatchObject({ discord: null, modRoleIds: [], logLevel: null, knowledgeDir: '/srv/bot/knowledge' });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats an empty value, as copied from .env.example, as unset', () => {
    expect(read({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: ' ' }).discord).toBeNull();
  });

  it('reads the Discord settings, with Discord’s own API as the default', () => {
    const config = read({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: '100000000000000000',
      MOD_ROLE_IDS: '200000000000000000, 300000000000000000',
    });
    expect(config.discord).toEqual({
      token: TOKEN,
      clientId: '100000000000000000',
      guildId: null,
      apiUrl: 'https://discord.com/api',
    });
    expect(config.modRoleIds).toEqual(['200000000000000000', '300000000000000000']);
  });

  it.each([
    ['DISCORD_CLIENT_ID', 'abc'],
    ['DISCORD_GUILD_ID', '12'],
    ['MOD_ROLE_IDS', '200000000000000000;x'],
    ['LOG_LEVEL', 'verbose'],
    ['DISCORD_API_URL', 'ftp://example'],
    ['DISCORD_TOKEN', 'hunter2'],
  ])('names %s when it is malformed, in one line', (name, value) => {
    let error: unknown;
    try {
      read({ [name]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.startsWith(name)).toBe(true);
    expect(message).not.toContain('\n');
    if (name === 'DISCORD_TOKEN') expect(message).not.toContain(value);
  });
});

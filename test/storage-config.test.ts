import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../src/config.js';

const read = (env: Record<string, string>) => readConfig(env, { dotenv: false, cwd: '/srv/bot' });

describe('storage configuration', () => {
  it('defaults to the embedded database in ./data, keeping questions 90 days', () => {
    expect(read({}).storage).toEqual({
      dataDir: '/srv/bot/data',
      databaseUrl: null,
      questionLogDays: 90,
      hashSalt: null,
    });
  });

  it('reads PostgreSQL, the data folder and the retention', () => {
    const { storage } = read({
      DATABASE_URL: 'postgres://bot:pw@db/storybot',
      DATA_DIR: 'state',
      QUESTION_LOG_DAYS: '30',
    });
    expect(storage).toMatchObject({
      databaseUrl: 'postgres://bot:pw@db/storybot',
      dataDir: '/srv/bot/state',
      questionLogDays: 30,
    });
  });

  it.each([
    ['DATABASE_URL', 'mysql://bot:secretpw@db/x'],
    ['QUESTION_LOG_DAYS', '99999'],
    ['QUESTION_LOG_DAYS', 'forever'],
    ['HASH_SALT', 'short'],
  ])('names %s when it is malformed, in one line, without its value', (name, value) => {
    expect(() => read({ [name]: value })).toThrow(ConfigError);
    try {
      read({ [name]: value });
    } catch (err) {
      const message = (err as Error).message;
      expect(message.startsWith(name)).toBe(true);
      expect(message).not.toContain(value);
    }
  });
});

import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';

describe('logs never carry an interaction or webhook token', () => {
  it('scrubs the token from the URL of a failed interaction callback', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', destination: { write: (l: string) => void lines.push(l) } });
    const token = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTpzZWNyZXQtaW50ZXJhY3Rpb24tdG9rZW4';
    const url = `https://discord.com/api/v10/interactions/1234567890123456789/${token}/callback`;
    const err = new DiscordAPIError({ code: 50035, message: 'Invalid Form Body' }, 50035, 400, 'POST', url, {});
    log.error({ err }, 'interaction handler failed');
    const hook = `https://discord.com/api/v10/webhooks/900000000000000001/${token}/messages/@original`;
    log.warn({ url: hook, message: `PATCH ${hook} failed` }, 'could not send the apology either');
    expect(lines.join('')).not.toContain(token);
    expect(JSON.parse(lines[0]!).err.url).toBe(
      'https://discord.com/api/v10/interactions/1234567890123456789/[REDACTED]/callback',
    );
    expect(JSON.parse(lines[1]!).url).toBe(
      'https://discord.com/api/v10/webhooks/900000000000000001/[REDACTED]/messages/@original',
    );
  });
});

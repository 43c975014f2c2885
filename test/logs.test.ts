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

describe('logs never carry control characters', () => {
  it('strips terminal escapes and other control characters from every field and the message', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', destination: { write: (l: string) => void lines.push(l) } });
    const hostile = 'who is \u001b[2J\u001b[31mwitkoff\u0007\r\u009b31m\u007f';
    log.info({ question: hostile, nested: { text: hostile } }, `asked: ${hostile}`);
    const raw = lines.join('');
    expect(raw).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/); // eslint-disable-line no-control-regex
    expect(raw).not.toMatch(/\\u00[01][0-9a-f]|\\u007f|\\r|\\b/i);
    const parsed = JSON.parse(lines[0]!);
    expect(parsed.question).toBe('who is [2J[31mwitkoff31m');
    expect(parsed.nested.text).toBe(parsed.question);
    expect(parsed.msg).toBe(`asked: ${parsed.question}`);
  });

  it('keeps a backslash that is text, and the newlines of a stack trace', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', destination: { write: (l: string) => void lines.push(l) } });
    log.info({ path: 'C:\\u001b\\new', stack: 'Error: x\n    at f' }, 'ok');
    const parsed = JSON.parse(lines[0]!);
    expect(parsed.path).toBe('C:\\u001b\\new');
    expect(parsed.stack).toBe('Error: x\n    at f');
  });
});

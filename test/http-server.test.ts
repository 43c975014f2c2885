import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type Handled, type HttpServer } from '../src/http/server.js';
import { createLogger } from '../src/logger.js';
import { Metrics } from '../src/metrics.js';
import { publicKeyFromHex } from '../src/http/verify.js';

/** Discord's side: a generated Ed25519 key pair signs each request as Discord would. */
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const publicHex = rawHex(publicKey);

function rawHex(key: KeyObject): string {
  return Buffer.from(key.export({ format: 'jwk' }).x as string, 'base64url').toString('hex');
}

function signed(body: string, { timestamp = Math.floor(Date.now() / 1000), key = privateKey } = {}) {
  const ts = String(timestamp);
  const signature = sign(null, Buffer.from(ts + body), key).toString('hex');
  return { 'x-signature-ed25519': signature, 'x-signature-timestamp': ts, 'content-type': 'application/json' };
}

let http: HttpServer;
const handled: unknown[] = [];
let healthy = true;
const base = () => `http://127.0.0.1:${http.port}`;
const post = (body: string, headers: Record<string, string>) =>
  fetch(`${base()}/interactions`, { method: 'POST', body, headers });

beforeAll(async () => {
  const metrics = new Metrics({ defaults: false });
  metrics.knowledge('abc123def456', 42);
  http = await startHttpServer(
    {
      log: createLogger({ level: 'silent' }),
      metrics,
      health: async () => ({ ok: healthy, reasons: healthy ? [] : ['database unreachable'] }),
      interactions: {
        publicKey: publicKeyFromHex(publicHex),
        handle: async (interaction): Promise<Handled> => {
          handled.push(interaction);
          return { response: { type: 4, data: { content: 'ran' } } };
        },
      },
    },
    0,
    '127.0.0.1',
  );
});

afterAll(() => http?.close());

const command = JSON.stringify({ id: '1', application_id: '2', type: 2, token: 't', data: { name: 'ask' } });

describe('the interactions endpoint', () => {
  it('answers a signed PING with PONG', async () => {
    const body = JSON.stringify({ id: '1', application_id: '2', type: 1 });
    const res = await post(body, signed(body));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ type: 1 });
  });

  it('runs a signed command through the handler and returns its response', async () => {
    const res = await post(command, signed(command));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ type: 4, data: { content: 'ran' } });
  });

  it('refuses a signature by another key with 401, and runs nothing', async () => {
    const before = handled.length;
    const other = generateKeyPairSync('ed25519').privateKey;
    const res = await post(command, signed(command, { key: other }));
    expect(res.status).toBe(401);
    expect(handled.length).toBe(before);
  });

  it('refuses a body changed after signing with 401', async () => {
    const before = handled.length;
    const res = await post(command.replace('ask', 'who'), signed(command));
    expect(res.status).toBe(401);
    expect(handled.length).toBe(before);
  });

  it('refuses missing or malformed signature headers with 401', async () => {
    expect((await post(command, { 'content-type': 'application/json' })).status).toBe(401);
    const headers = { ...signed(command), 'x-signature-ed25519': 'zz' };
    expect((await post(command, headers)).status).toBe(401);
  });

  it('refuses a genuine signature with a stale timestamp (a replay) with 401', async () => {
    const before = handled.length;
    const res = await post(command, signed(command, { timestamp: Math.floor(Date.now() / 1000) - 3600 }));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'stale timestamp' });
    expect(handled.length).toBe(before);
  });

  it('refuses a signed body that is not JSON with 400', async () => {
    const body = '{"type": 2,';
    const res = await post(body, signed(body));
    expect(res.status).toBe(400);
  });

  it('refuses signed JSON that is not an interaction with 400', async () => {
    const body = '[1,2,3]';
    expect((await post(body, signed(body))).status).toBe(400);
  });

  it('refuses an oversized body with 413 without reading it, and keeps serving', async () => {
    const body = JSON.stringify({ id: '1', application_id: '2', type: 2, pad: 'x'.repeat(200_000) });
    const res = await post(body, signed(body));
    expect(res.status).toBe(413);
    const ping = JSON.stringify({ id: '1', application_id: '2', type: 1 });
    expect((await post(ping, signed(ping))).status).toBe(200);
  });

  it('answers GET on /interactions with 405 and unknown paths with 404', async () => {
    expect((await fetch(`${base()}/interactions`)).status).toBe(405);
    expect((await fetch(`${base()}/nothing-here`)).status).toBe(404);
  });
});

describe('health and metrics', () => {
  it('reports healthy with 200, and unhealthy with 503 and the reason', async () => {
    healthy = true;
    expect((await fetch(`${base()}/healthz`)).status).toBe(200);
    healthy = false;
    const res = await fetch(`${base()}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, reasons: ['database unreachable'] });
    healthy = true;
  });

  it('serves Prometheus text with the knowledge version and entries', async () => {
    const res = await fetch(`${base()}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain('storybot_knowledge_info{version="abc123def456"} 1');
    expect(text).toContain('storybot_knowledge_entries 42');
  });
});

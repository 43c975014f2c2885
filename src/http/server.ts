import type { KeyObject } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIInteraction, APIInteractionResponse } from 'discord-api-types/v10';
import { InteractionResponseType, InteractionType } from 'discord-api-types/v10';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { verifyRequest } from './verify.js';

/** What the HTTP endpoint accepts; anything past these is refused with a 4xx before any work. */
export const HTTP_LIMITS = Object.freeze({
  /** Interactions are a few KB (a button click carries the message it sits on); far below this. */
  maxBodyBytes: 128 * 1024,
  /** A signed request older or newer than this is a replay or a broken clock: 401. */
  maxSkewSeconds: 5 * 60,
  /** Slow clients are cut off: a whole request must arrive within this. */
  requestTimeoutMs: 10_000,
});

/** The immediate HTTP answer to an interaction, and any work that follows it (a deferred reply's edit). */
export interface Handled {
  response: APIInteractionResponse;
  after?: () => Promise<void>;
}

export type InteractionHandler = (interaction: APIInteraction) => Promise<Handled>;

export interface HealthReport {
  ok: boolean;
  /** Why not, in a few words, when `ok` is false; notes (such as stale knowledge) when it is true. */
  reasons: string[];
  [detail: string]: unknown;
}

export interface HttpServerOptions {
  log: Logger;
  metrics: Metrics;
  health: () => Promise<HealthReport>;
  /** HTTP interactions mode; null in gateway mode, where only /healthz and /metrics are served. */
  interactions: { publicKey: KeyObject; handle: InteractionHandler } | null;
  limits?: Partial<typeof HTTP_LIMITS>;
}

export interface HttpServer {
  server: Server;
  port: number;
  /** Stops accepting connections and waits for requests in flight (and their follow-ups). */
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Node's own HTTP server: POST /interactions (when configured), GET /healthz, GET /metrics. Every
 * bad request gets a 4xx with a one-line reason; a handler that throws gets a 500; none stops the
 * process.
 */
export async function startHttpServer(options: HttpServerOptions, port: number, host: string): Promise<HttpServer> {
  const limits = { ...HTTP_LIMITS, ...options.limits };
  const pending = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };
  const server = createServer((req, res) => track(route(req, res, options, limits, track)));
  server.requestTimeout = limits.requestTimeoutMs;
  server.headersTimeout = Math.min(server.headersTimeout, limits.requestTimeoutMs);
  server.on('clientError', (err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    options.log.debug({ err: err.message }, 'http client error');
  });
  server.listen(port, host);
  await once(server, 'listening');
  return {
    server,
    port: (server.address() as AddressInfo).port,
    async close() {
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeIdleConnections();
      await Promise.allSettled([...pending]);
      // What is left is idle keep-alive connections (a load balancer's pool): nothing to wait for.
      server.closeAllConnections();
      await closed;
    },
  };
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  options: HttpServerOptions,
  limits: typeof HTTP_LIMITS,
  track: (work: Promise<void>) => void,
): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  try {
    if (path === '/interactions' && options.interactions) {
      if (req.method !== 'POST') throw new HttpError(405, 'use POST');
      const handled = await interaction(req, options.interactions, limits);
      send(res, 200, handled.response);
      if (handled.after) track(runAfter(handled.after, options.log));
    } else if (path === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'use GET');
      const report = await options.health();
      send(res, report.ok ? 200 : 503, report);
    } else if (path === '/metrics') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'use GET');
      res.writeHead(200, { 'content-type': options.metrics.contentType });
      res.end(await options.metrics.text());
    } else {
      throw new HttpError(404, 'not found');
    }
  } catch (err) {
    if (err instanceof HttpError) {
      options.log.debug({ path, status: err.status, reason: err.message }, 'http request refused');
      send(res, err.status, { error: err.message });
    } else {
      options.log.error({ err, path }, 'http request failed');
      send(res, 500, { error: 'internal error' });
    }
  }
}

async function interaction(
  req: IncomingMessage,
  { publicKey, handle }: NonNullable<HttpServerOptions['interactions']>,
  limits: typeof HTTP_LIMITS,
): Promise<Handled> {
  const body = await readBody(req, limits.maxBodyBytes);
  const verdict = verifyRequest(
    publicKey,
    {
      signature: header(req, 'x-signature-ed25519'),
      timestamp: header(req, 'x-signature-timestamp'),
      body,
    },
    limits.maxSkewSeconds,
  );
  if (!verdict.ok) throw new HttpError(401, verdict.reason.replace(/_/g, ' '));
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'body is not JSON');
  }
  if (!isInteraction(parsed)) throw new HttpError(400, 'body is not an interaction');
  if (parsed.type === InteractionType.Ping) return { response: { type: InteractionResponseType.Pong } };
  return handle(parsed);
}

function isInteraction(value: unknown): value is APIInteraction {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.type === 'number' && typeof v.id === 'string' && typeof v.application_id === 'string';
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The raw body, refused with 413 past `max` bytes without reading the rest. */
async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) throw new HttpError(413, `body over ${max} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw new HttpError(413, `body over ${max} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  // A refused request may have left body bytes unread: close rather than reuse the connection.
  const close = status >= 400 ? { connection: 'close' } : {};
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...close });
  res.end(text);
}

async function runAfter(after: () => Promise<void>, log: Logger): Promise<void> {
  try {
    await after();
  } catch (err) {
    log.error({ err }, 'interaction follow-up failed');
  }
}

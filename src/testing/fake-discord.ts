import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { LIMITS } from '../discord/limits.js';

/**
 * A fake Discord on 127.0.0.1: enough of REST v10 and Gateway v10 for the real discord.js Client
 * to log in, receive interactions, and answer them. Every request the bot makes is recorded so
 * tests assert on what a member would see (callback bodies: content, embeds, flags, mentions).
 */
export const APP_ID = '900000000000000001';
export const GUILD_ID = '900000000000000002';
export const CHANNEL_ID = '900000000000000003';
/** More channels of the fake server, for tests that need a channel to themselves. */
export const OTHER_CHANNEL_IDS = ['900000000000000005', '900000000000000006', '900000000000000007'] as const;
/** The DM channel between the bot and a member. */
export const DM_CHANNEL_ID = '900000000000000004';
export const BOT_USER_ID = APP_ID;
/** The bot's own user, as the gateway's READY and the messages it wrote show it. */
const BOT_USER = {
  id: BOT_USER_ID,
  username: 'storybot',
  discriminator: '0',
  global_name: null,
  avatar: null,
  bot: true,
};
/** A role of the fake server, for tests of MOD_ROLE_IDS. */
export const MOD_ROLE_ID = '900000000000000777';
export const TOKEN = 'OTAwMDAwMDAwMDAwMDAwMDAx.FakeTk.fake-token-for-tests-only-0123456789';

export interface Recorded {
  method: string;
  path: string;
  body: any;
  auth: string | undefined;
  /** What the fake answered with, for a message it created (its `id`). */
  response?: any;
}

export interface InteractionOptions {
  user?: { id: string; username?: string };
  /** Permission bits the member has in the channel, as Discord sends them (a decimal string). */
  permissions?: string;
  roles?: string[];
  /** Answer this interaction's callback with Discord's 10062 "Unknown interaction". */
  expire?: boolean;
  /** The channel the interaction comes from (default: the one test channel). */
  channelId?: string;
  /** Files attached to attachment options, by option name; served by the fake like Discord's CDN. */
  attachments?: Record<string, { filename: string; text: string }>;
}

/** A message posted where the bot can see it (gateway MESSAGE_CREATE). */
export interface MessageOptions {
  content: string;
  /** Its id: give the same one twice to deliver a message again. */
  id?: string;
  author?: { id: string; username?: string; bot?: boolean };
  /** Mentions the bot (Discord's `mentions`); by default when the content has `<@bot id>`. */
  mentionsBot?: boolean;
  /** The server channel it is posted in (default: the one test channel). */
  channelId?: string;
  /** Sent in a DM to the bot rather than in the server's channel. */
  dm?: boolean;
  /** Posted by this webhook. */
  webhookId?: string;
  /** A reply to this message (by default pinging its author, as Discord's client does). */
  replyTo?: { id: string; authorId: string; content?: string; embeds?: object[] };
}

const MANAGE_GUILD = 1n << 5n;
export const MEMBER_PERMISSIONS = String((1n << 10n) | (1n << 11n)); // View Channel, Send Messages
export const MODERATOR_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | MANAGE_GUILD);

/** The invoking member as Discord puts it in an interaction, over the gateway or over HTTP. */
export function interactionMember(opts: InteractionOptions) {
  return {
    user: {
      id: opts.user?.id ?? '900000000000000010',
      username: opts.user?.username ?? 'member',
      discriminator: '0',
      global_name: null,
      avatar: null,
    },
    roles: opts.roles ?? [],
    permissions: opts.permissions ?? MEMBER_PERMISSIONS,
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
  };
}

export class FakeDiscord {
  /** Attached files' text, by attachment id. */
  readonly #files = new Map<string, string>();
  readonly requests: Recorded[] = [];
  readonly registered = new Map<string, unknown[]>();
  #server: Server;
  #wss: WebSocketServer;
  #sockets = new Set<WebSocket>();
  #seq = 0;
  #nextId = 1000n;
  #expiring = new Set<string>();
  #waiters: { match: (r: Recorded) => boolean; resolve: (r: Recorded) => void }[] = [];
  identified = 0;
  /** The gateway intents the bot identified with. */
  intents: number | undefined;

  /** Keep every request in `requests` (tests read them); a load test turns it off to stay bounded. */
  readonly #record: boolean;
  /** Interaction id -> its callback's waiter, when not recording. */
  #callbacks = new Map<string, (r: Recorded) => void>();

  private constructor(record: boolean) {
    this.#record = record;
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#wss = new WebSocketServer({ server: this.#server, path: '/gateway' });
    this.#wss.on('connection', (socket) => this.#connect(socket));
  }

  static async start({ record = true }: { record?: boolean } = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(record);
    fake.#server.listen(0, '127.0.0.1');
    await once(fake.#server, 'listening');
    return fake;
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  /** What the bot is configured with as DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async stop(): Promise<void> {
    for (const s of this.#sockets) s.terminate();
    this.#wss.close();
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }

  /** Resolves with the next recorded request that matches, including one already recorded. */
  waitFor(match: (r: Recorded) => boolean, timeoutMs = 5000): Promise<Recorded> {
    const found = this.requests.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the bot sent no such request in time')), timeoutMs);
      this.#waiters.push({ match, resolve: (r) => (clearTimeout(timer), resolve(r)) });
    });
  }

  // --- interactions sent to the bot -----------------------------------------------------------

  /** A slash command; resolves with the bot's callback to it. */
  command(name: string, options: Record<string, string> = {}, opts: InteractionOptions = {}): Promise<Recorded> {
    const attachments: Record<string, object> = {};
    const attached = Object.entries(opts.attachments ?? {}).map(([n, file]) => {
      const id = this.#id();
      this.#files.set(id, file.text);
      attachments[id] = {
        id,
        filename: file.filename,
        size: Buffer.byteLength(file.text),
        url: `http://127.0.0.1:${this.port}/attachments/${id}/${file.filename}`,
        proxy_url: `http://127.0.0.1:${this.port}/attachments/${id}/${file.filename}`,
        content_type: 'text/plain; charset=utf-8',
      };
      return { name: n, type: 11, value: id };
    });
    return this.#interact(
      2,
      {
        id: this.#id(),
        name,
        type: 1,
        options: [...Object.entries(options).map(([n, value]) => ({ name: n, type: 3, value })), ...attached],
        ...(attached.length ? { resolved: { attachments } } : {}),
      },
      opts,
    );
  }

  /** Autocomplete on the focused option; resolves with the bot's callback (its choices). */
  autocomplete(name: string, option: string, typed: string, opts: InteractionOptions = {}): Promise<Recorded> {
    return this.#interact(
      4,
      { id: this.#id(), name, type: 1, options: [{ name: option, type: 3, value: typed, focused: true }] },
      opts,
    );
  }

  /** A click on a button of a message the bot sent. */
  click(customId: string, opts: InteractionOptions = {}): Promise<Recorded> {
    // The message the button sits on, as Discord includes it: one the bot sent.
    return this.#interact(3, { custom_id: customId, component_type: 2 }, opts, {
      message: { ...this.#message({}), type: 0 },
    });
  }

  /** A member's message; resolves with its id. The bot's reply, if any, is a POST to its channel. */
  message(opts: MessageOptions): string {
    const id = opts.id ?? this.#id();
    const author = {
      id: opts.author?.id ?? '900000000000000010',
      username: opts.author?.username ?? 'member',
      discriminator: '0',
      global_name: null,
      avatar: null,
      ...(opts.author?.bot ? { bot: true } : {}),
    };
    const bot = BOT_USER;
    const mentionsBot =
      opts.mentionsBot ?? (opts.content.includes(`<@${BOT_USER_ID}>`) || opts.replyTo?.authorId === BOT_USER_ID);
    const channelId = opts.dm ? DM_CHANNEL_ID : (opts.channelId ?? CHANNEL_ID);
    const reply = opts.replyTo;
    this.#dispatch('MESSAGE_CREATE', {
      id,
      channel_id: channelId,
      ...(opts.dm
        ? { channel_type: 1 }
        : {
            guild_id: GUILD_ID,
            channel_type: 0,
            member: { roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
          }),
      author,
      content: opts.content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: mentionsBot ? [bot] : [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: reply ? 19 : 0,
      flags: 0,
      components: [],
      ...(opts.webhookId ? { webhook_id: opts.webhookId } : {}),
      ...(reply
        ? {
            message_reference: {
              type: 0,
              message_id: reply.id,
              channel_id: channelId,
              ...(opts.dm ? {} : { guild_id: GUILD_ID }),
            },
            referenced_message: {
              ...this.#message({ content: reply.content ?? '', embeds: reply.embeds ?? [] }),
              id: reply.id,
              channel_id: channelId,
              author: reply.authorId === BOT_USER_ID ? bot : { ...author, id: reply.authorId },
              type: 0,
            },
          }
        : {}),
    });
    return id;
  }

  /** Resolves with the bot's reply to the message `id` (a POST to the channel referencing it). */
  replyTo(id: string, timeoutMs = 5000): Promise<Recorded> {
    return this.waitFor(
      (r) =>
        r.method === 'POST' &&
        /^\/api\/v10\/channels\/\d+\/messages$/.test(r.path) &&
        r.body?.message_reference?.message_id === id,
      timeoutMs,
    );
  }

  /** The bot's replies to the message `id` so far. */
  repliesTo(id: string): Recorded[] {
    return this.requests.filter(
      (r) => r.method === 'POST' && /\/messages$/.test(r.path) && r.body?.message_reference?.message_id === id,
    );
  }

  /** The "Ask storybot" message command on a message; resolves with the bot's callback. */
  messageCommand(
    name: string,
    target: { content: string; authorId?: string },
    opts: InteractionOptions = {},
  ): Promise<Recorded> {
    const id = this.#id();
    const message = {
      ...this.#message({ content: target.content }),
      id,
      author: {
        id: target.authorId ?? '900000000000000011',
        username: 'someone',
        discriminator: '0',
        global_name: null,
        avatar: null,
      },
      type: 0,
    };
    return this.#interact(
      2,
      { id: this.#id(), name, type: 3, target_id: id, resolved: { messages: { [id]: message } } },
      opts,
    );
  }

  async #interact(type: number, data: object, opts: InteractionOptions, extra: object = {}): Promise<Recorded> {
    const id = this.#id();
    const token = `interaction-token-${id}`;
    if (opts.expire) this.#expiring.add(id);
    const callback = this.#record
      ? this.waitFor((r) => r.path.startsWith(`/api/v10/interactions/${id}/${token}/callback`))
      : new Promise<Recorded>((resolve) => this.#callbacks.set(id, resolve));
    this.#dispatch('INTERACTION_CREATE', {
      id,
      application_id: APP_ID,
      type,
      data,
      guild_id: GUILD_ID,
      channel_id: opts.channelId ?? CHANNEL_ID,
      channel: { id: opts.channelId ?? CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'news' },
      member: interactionMember(opts),
      token,
      version: 1,
      app_permissions: MEMBER_PERMISSIONS,
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': GUILD_ID },
      context: 0,
      ...extra,
    });
    return callback;
  }

  #id(): string {
    return String(900000000000100000n + this.#nextId++);
  }

  // --- gateway --------------------------------------------------------------------------------

  /** Closes every gateway connection with `code`, as Discord does on a revoked token (4004). */
  closeGateway(code: number, reason = ''): void {
    for (const s of this.#sockets) s.close(code, reason);
  }

  #connect(socket: WebSocket): void {
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    socket.on('message', (raw) => {
      const packet = JSON.parse(String(raw));
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (packet.op === 2) this.#identify(socket, packet.d);
    });
  }

  #identify(socket: WebSocket, d: { token: string; intents: number }): void {
    if (d.token !== TOKEN) {
      socket.close(4004, 'Authentication failed.');
      return;
    }
    this.identified++;
    this.intents = d.intents;
    const user = { ...BOT_USER, flags: 0 };
    this.#dispatch(
      'READY',
      {
        v: 10,
        user,
        guilds: [{ id: GUILD_ID, unavailable: true }],
        session_id: 'fake-session',
        resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
        application: { id: APP_ID, flags: 0 },
        shard: [0, 1],
      },
      socket,
    );
    this.#dispatch(
      'GUILD_CREATE',
      {
        id: GUILD_ID,
        name: 'News readers',
        unavailable: false,
        owner_id: '900000000000000099',
        roles: [
          {
            id: GUILD_ID,
            name: '@everyone',
            permissions: MEMBER_PERMISSIONS,
            position: 0,
            color: 0,
            hoist: false,
            managed: false,
            mentionable: false,
            flags: 0,
          },
          {
            id: MOD_ROLE_ID,
            name: 'Moderators',
            permissions: MEMBER_PERMISSIONS,
            position: 1,
            color: 0,
            hoist: false,
            managed: false,
            mentionable: false,
            flags: 0,
          },
        ],
        channels: [CHANNEL_ID, ...OTHER_CHANNEL_IDS].map((id, i) => ({
          id,
          type: 0,
          name: i ? `news-${i}` : 'news',
          position: i,
          permission_overwrites: [],
        })),
        members: [],
        emojis: [],
        stickers: [],
        threads: [],
        stage_instances: [],
        guild_scheduled_events: [],
        voice_states: [],
        presences: [],
        features: [],
        member_count: 2,
        large: false,
        joined_at: new Date(0).toISOString(),
      },
      socket,
    );
  }

  #dispatch(t: string, d: unknown, only?: WebSocket): void {
    const packet = JSON.stringify({ op: 0, t, s: ++this.#seq, d });
    for (const s of only ? [only] : this.#sockets) s.send(packet);
  }

  // --- REST -----------------------------------------------------------------------------------

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const record: Recorded = {
      method: req.method ?? 'GET',
      path: url.pathname,
      body: text ? safeJson(text) : undefined,
      auth: req.headers.authorization,
    };
    const send = (status: number, body?: unknown) => {
      // Like Discord: a 204 has no body and so no content type.
      res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    const path = url.pathname;
    let match: RegExpMatchArray | null;

    if (req.method === 'GET' && (match = path.match(/^\/attachments\/(\d+)\//))) {
      // Discord's CDN, for attached files.
      const file = this.#files.get(match[1]!);
      res.writeHead(file === undefined ? 404 : 200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(file ?? '');
      return;
    } else if (req.method === 'GET' && path === '/api/v10/gateway/bot') {
      send(200, {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    } else if (
      req.method === 'PUT' &&
      (match = path.match(/^\/api\/v10\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))
    ) {
      this.registered.set(match[2] ?? 'global', record.body);
      send(
        200,
        (record.body as object[]).map((c, i) => ({
          ...c,
          id: String(800000000000000000n + BigInt(i)),
          application_id: match![1],
          version: '1',
        })),
      );
    } else if (req.method === 'POST' && (match = path.match(/^\/api\/v10\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      if (this.#expiring.has(match[1]!)) send(404, { message: 'Unknown interaction', code: 10062 });
      else if (embedProblem(record.body?.data)) send(400, invalidFormBody(embedProblem(record.body?.data)!));
      else send(204);
    } else if (req.method === 'POST' && (match = path.match(/^\/api\/v10\/channels\/(\d+)\/messages$/))) {
      // A message the bot sends to a channel (a reply to a mention or a DM).
      if (embedProblem(record.body)) send(400, invalidFormBody(embedProblem(record.body)!));
      else {
        record.response = {
          ...this.#message(record.body),
          channel_id: match[1],
          type: record.body?.message_reference ? 19 : 0,
          ...(record.body?.message_reference ? { message_reference: record.body.message_reference } : {}),
        };
        send(200, record.response);
      }
    } else if (path.startsWith('/api/v10/webhooks/')) {
      if (embedProblem(record.body)) send(400, invalidFormBody(embedProblem(record.body)!));
      else send(200, this.#message(record.body));
    } else {
      send(404, { message: '404: Not Found', code: 0 });
    }
    if (!this.#record) {
      const id = /^\/api\/v10\/interactions\/(\d+)\//.exec(path)?.[1];
      const waiter = id === undefined ? undefined : this.#callbacks.get(id);
      if (waiter) {
        this.#callbacks.delete(id!);
        waiter(record);
      }
      return;
    }
    this.requests.push(record);
    this.#waiters = this.#waiters.filter((w) => (w.match(record) ? (w.resolve(record), false) : true));
  }

  #message(body: any): object {
    return {
      id: this.#id(),
      channel_id: CHANNEL_ID,
      author: { id: BOT_USER_ID, username: 'storybot', discriminator: '0', bot: true, avatar: null },
      content: body?.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body?.embeds ?? [],
      pinned: false,
      type: 20,
      flags: body?.flags ?? 0,
      components: body?.components ?? [],
    };
  }
}

/** What Discord would refuse in a message's embeds (its "Embed Limits"), or undefined if nothing. */
export function embedProblem(message: any): string | undefined {
  const embeds: any[] = message?.embeds ?? [];
  let total = 0;
  for (const e of embeds) {
    const fields: any[] = e.fields ?? [];
    if ((e.title ?? '').length > LIMITS.embedTitle) return 'embed title too long';
    if ((e.description ?? '').length > LIMITS.embedDescription) return 'embed description too long';
    if (fields.length > LIMITS.embedFields) return 'too many embed fields';
    if (fields.some((f) => f.name.length > LIMITS.fieldName)) return 'embed field name too long';
    if (fields.some((f) => f.value.length > LIMITS.fieldValue)) return 'embed field value too long';
    if ((e.footer?.text ?? '').length > LIMITS.embedFooter) return 'embed footer too long';
    total += [e.title, e.description, e.footer?.text, e.author?.name, ...fields.flatMap((f) => [f.name, f.value])]
      .map((t) => (t ?? '').length)
      .reduce((a, b) => a + b, 0);
  }
  return total > LIMITS.embedTotal ? 'embeds exceed 6000 characters in total' : undefined;
}

function invalidFormBody(problem: string) {
  return {
    message: 'Invalid Form Body',
    code: 50035,
    errors: { embeds: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: problem }] } },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

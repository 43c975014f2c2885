import { generateKeyPairSync, sign } from 'node:crypto';
import {
  APP_ID,
  CHANNEL_ID,
  GUILD_ID,
  interactionMember,
  MEMBER_PERMISSIONS,
  type InteractionOptions,
} from '../../src/testing/fake-discord.js';

/**
 * Discord's side of HTTP interactions: an application key pair that signs each request as
 * Discord does (Ed25519 over timestamp + body), and interaction payloads shaped as Discord sends them.
 */
export class DiscordSigner {
  readonly #pair = generateKeyPairSync('ed25519');
  /** What the bot is configured with as DISCORD_PUBLIC_KEY. */
  readonly publicKeyHex = Buffer.from(this.#pair.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');

  headers(body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
    const ts = String(timestamp);
    return {
      'content-type': 'application/json',
      'x-signature-ed25519': sign(null, Buffer.from(ts + body), this.#pair.privateKey).toString('hex'),
      'x-signature-timestamp': ts,
    };
  }
}

let next = 0n;
const snowflake = () => String(900000000000300000n + ++next);

function base(type: number, data: object | undefined, opts: InteractionOptions, extra: object = {}) {
  const id = snowflake();
  return {
    id,
    application_id: APP_ID,
    type,
    ...(data ? { data } : {}),
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    member: interactionMember(opts),
    token: `http-interaction-token-${id}`,
    version: 1,
    app_permissions: MEMBER_PERMISSIONS,
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    context: 0,
    ...extra,
  };
}

export const payloads = {
  ping: () => ({ id: snowflake(), application_id: APP_ID, type: 1, token: 'ping', version: 1 }),
  command: (name: string, options: Record<string, string> = {}, opts: InteractionOptions = {}) =>
    base(
      2,
      {
        id: snowflake(),
        name,
        type: 1,
        options: Object.entries(options).map(([n, value]) => ({ name: n, type: 3, value })),
      },
      opts,
    ),
  autocomplete: (name: string, option: string, typed: string, opts: InteractionOptions = {}) =>
    base(
      4,
      { id: snowflake(), name, type: 1, options: [{ name: option, type: 3, value: typed, focused: true }] },
      opts,
    ),
  /** A message command on a member's message with this text (Discord sends the message resolved). */
  messageCommand: (name: string, content: string, authorId: string, opts: InteractionOptions = {}) => {
    const target = snowflake();
    const author = { id: authorId, username: 'someone', discriminator: '0', global_name: null, avatar: null };
    const message = { id: target, channel_id: CHANNEL_ID, author, content, embeds: [], components: [], type: 0 };
    return base(
      2,
      { id: snowflake(), name, type: 3, target_id: target, resolved: { messages: { [target]: message } } },
      opts,
    );
  },
  click: (customId: string, opts: InteractionOptions = {}) =>
    base(3, { custom_id: customId, component_type: 2 }, opts, {
      message: { id: snowflake(), channel_id: CHANNEL_ID, content: '', embeds: [], components: [], type: 20 },
    }),
};

export interface Posted {
  status: number;
  body: any;
}

/** POSTs a signed interaction to the bot's endpoint, as Discord does. */
export async function postInteraction(url: string, signer: DiscordSigner, payload: object): Promise<Posted> {
  const body = JSON.stringify(payload);
  const res = await fetch(url, { method: 'POST', body, headers: signer.headers(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

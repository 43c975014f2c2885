import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import * as z from 'zod/mini';
// The knowledge schemas set zod's English messages; the checks here all word their own.

/** Configuration, read once from the environment (and `.env`), validated, typed and frozen. */
export interface Config {
  /** Null when no DISCORD_TOKEN is set: the bot then runs as a local console. */
  readonly discord: DiscordConfig | null;
  readonly modRoleIds: readonly string[];
  /** Null when LOG_LEVEL is unset: the bot then logs at info, the console only warnings. */
  readonly logLevel: LogLevel | null;
  readonly knowledgeDir: string;
  /** Null when HTTP_PORT is unset: no HTTP server (no /healthz, /metrics or /interactions). */
  readonly http: HttpConfig | null;
  readonly storage: StorageConfig;
}

export interface HttpConfig {
  readonly port: number;
  readonly host: string;
  /** Set: HTTP interactions mode (POST /interactions) instead of the gateway. Hex, 64 characters. */
  readonly publicKey: string | null;
  /** REST base URL for follow-ups to deferred replies, as `DiscordConfig.apiUrl`. */
  readonly apiUrl: string;
}

export interface StorageConfig {
  /** Where the embedded database, the salt and the history of knowledge changes are kept. */
  readonly dataDir: string;
  /** PostgreSQL instead of the embedded SQLite file; null for SQLite. */
  readonly databaseUrl: string | null;
  /** Days a logged question is kept before it is purged. */
  readonly questionLogDays: number;
  /** Salt for hashing member ids; null: generated once and kept in `dataDir`. */
  readonly hashSalt: string | null;
}

export interface DiscordConfig {
  readonly token: string;
  readonly clientId: string | null;
  readonly guildId: string | null;
  /** REST base URL, without the version: discord.js appends /v10. */
  readonly apiUrl: string;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A configuration value is missing or malformed; the message names the variable, in one line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const snowflake = /^\d{17,20}$/;
// Three dot-separated base64url parts; checked so a pasted client secret fails here, not at login.
const tokenShape = /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/;

/** An unset or blank variable is absent; a set one is trimmed, then checked. */
const optional = (...checks: z.core.$ZodCheck<string>[]) =>
  z.pipe(
    z.transform((v: unknown) =>
      typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v,
    ),
    z.optional(z.string().check(...checks)),
  );
const oneOf = (values: readonly string[]) =>
  z.refine<string>((v) => values.includes(v), `must be one of ${values.join(', ')}`);

const envSchema = z.object({
  DISCORD_TOKEN: optional(z.regex(tokenShape, 'does not look like a bot token (three dot-separated parts)')),
  DISCORD_CLIENT_ID: optional(z.regex(snowflake, 'must be the application id, 17 to 20 digits')),
  DISCORD_GUILD_ID: optional(z.regex(snowflake, 'must be a server id, 17 to 20 digits')),
  DISCORD_API_URL: optional(
    z.regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, 'must be an http(s) URL such as https://discord.com/api'),
  ),
  MOD_ROLE_IDS: optional(
    z.regex(/^\d{17,20}(\s*,\s*\d{17,20})*$/, 'must be role ids (17 to 20 digits) separated by commas'),
  ),
  LOG_LEVEL: optional(oneOf(LOG_LEVELS)),
  KNOWLEDGE_DIR: optional(),
  DISCORD_PUBLIC_KEY: optional(z.regex(/^[0-9a-f]{64}$/i, 'must be the application public key, 64 hex characters')),
  HTTP_PORT: optional(
    z.regex(/^\d{1,5}$/, 'must be a port number'),
    z.refine<string>((v) => +v <= 65535, 'must be a port number'),
  ),
  HTTP_HOST: optional(),
  DATABASE_URL: optional(z.regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL')),
  DATA_DIR: optional(),
  QUESTION_LOG_DAYS: optional(
    z.regex(/^\d{1,4}$/, 'must be a whole number of days, 1 to 3650'),
    z.refine<string>((v) => Number(v) >= 1 && Number(v) <= 3650, 'must be a whole number of days, 1 to 3650'),
  ),
  HASH_SALT: optional(z.minLength(16, 'must be at least 16 characters')),
});

/**
 * Reads the configuration from `env` (after loading `.env` when `dotenv` is true). Throws a
 * `ConfigError` whose message is one line naming the first bad variable; never echoes its value.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env, { dotenv = true, cwd = process.cwd() } = {}): Config {
  if (dotenv) loadDotenv({ path: path.join(cwd, '.env'), quiet: true, processEnv: env });
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${String(issue.path[0])} ${issue.message}.`);
  }
  const e = parsed.data;
  if (e.DISCORD_PUBLIC_KEY && !e.HTTP_PORT) throw new ConfigError('HTTP_PORT is needed with DISCORD_PUBLIC_KEY.');
  const apiUrl = (e.DISCORD_API_URL ?? 'https://discord.com/api').replace(/\/+$/, '');
  const discord: DiscordConfig | null = e.DISCORD_TOKEN
    ? {
        token: e.DISCORD_TOKEN,
        clientId: e.DISCORD_CLIENT_ID ?? null,
        guildId: e.DISCORD_GUILD_ID ?? null,
        apiUrl,
      }
    : null;
  return Object.freeze({
    discord: discord && Object.freeze(discord),
    modRoleIds: Object.freeze(
      (e.MOD_ROLE_IDS ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
    logLevel: (e.LOG_LEVEL ?? null) as LogLevel | null,
    knowledgeDir: path.resolve(cwd, e.KNOWLEDGE_DIR ?? 'knowledge'),
    http: e.HTTP_PORT
      ? Object.freeze({
          port: Number(e.HTTP_PORT),
          host: e.HTTP_HOST ?? '0.0.0.0',
          publicKey: e.DISCORD_PUBLIC_KEY?.toLowerCase() ?? null,
          apiUrl,
        })
      : null,
    storage: Object.freeze({
      dataDir: path.resolve(cwd, e.DATA_DIR ?? 'data'),
      databaseUrl: e.DATABASE_URL ?? null,
      questionLogDays: Number(e.QUESTION_LOG_DAYS ?? 90),
      hashSalt: e.HASH_SALT ?? null,
    }),
  });
}

import { REST } from '@discordjs/rest';
import type { HttpConfig } from '../config.js';
import type { Dispatcher } from '../dispatch/dispatcher.js';
import type { KnowledgeStore } from '../knowledge/store.js';
import type { Logger } from '../logger.js';
import { Metrics } from '../metrics.js';
import { KnowledgeSync, versionOf } from '../sync/knowledge-sync.js';
import { PgVersionChannel } from '../sync/pg-channel.js';
import { httpInteractions } from './interactions.js';
import { startHttpServer, type HealthReport, type HttpServer } from './server.js';
import { publicKeyFromHex } from './verify.js';

/** Discord waits 3 s for the HTTP response; past this the reply is deferred and sent as an edit. */
const DEFER_AFTER_MS = 2000;
/** On SIGTERM, requests in flight and their follow-ups get this long to finish. */
const SHUTDOWN_GRACE_MS = 10_000;

export interface ServiceOptions {
  http: HttpConfig;
  store: KnowledgeStore;
  dispatcher: Dispatcher;
  log: Logger;
  modRoleIds: readonly string[];
  /** `http`: answer interactions at POST /interactions. `gateway`: only /healthz and /metrics. */
  mode: 'http' | 'gateway';
  databaseUrl: string | null;
  /** Called once the service has stopped on a signal, before the process exits: close the bot's state. */
  onClose?: () => Promise<void>;
}

export interface Service {
  metrics: Metrics;
  server: HttpServer;
  sync: KnowledgeSync | null;
  /** Stops taking requests, finishes those in flight (and their follow-ups), and disconnects. */
  close(): Promise<void>;
}

/**
 * Everything a copy of the bot serves over HTTP, in either mode: metrics fed by the dispatcher's
 * request events and the store's refreshes, the health report, knowledge sync with the other
 * copies when there is a database, and in HTTP mode the interactions endpoint.
 */
export async function startService(options: ServiceOptions): Promise<Service> {
  const { http, store, dispatcher, log } = options;
  const metrics = new Metrics();
  const knowledgeMetrics = () =>
    metrics.knowledge(versionOf(store.current), store.current.knowledge.entries.length, Date.now());
  knowledgeMetrics();
  store.onRefresh((outcome) => {
    metrics.refresh(outcome.ok ? 'ok' : 'refused');
    if (outcome.ok) knowledgeMetrics();
  });
  dispatcher.onEvent(({ request, command, status, ms }) => {
    // Label values stay bounded: a name that is no command is counted as `unknown`.
    const name = command === 'pick' || dispatcher.find(command) ? command : 'unknown';
    metrics.interaction(request.kind, name, status, ms);
  });

  const channel = options.databaseUrl ? new PgVersionChannel(options.databaseUrl, log) : null;
  const sync = channel ? new KnowledgeSync(store, channel, log) : null;
  sync?.start();

  const health = async (): Promise<HealthReport> => {
    const reasons: string[] = [];
    const database = channel ? await channel.check() : null;
    if (database) reasons.push(database);
    const failed = sync?.status.failed ?? null;
    return {
      ok: reasons.length === 0,
      reasons,
      mode: options.mode,
      knowledge: { version: versionOf(store.current), entries: store.current.knowledge.entries.length },
      database: channel ? (database ? 'unreachable' : 'ok') : 'not configured',
      // Still serving, so still healthy: the previous version answers; the failure is for an operator.
      ...(failed
        ? { warnings: [`could not load knowledge version ${failed.version} announced by another copy`], failed }
        : {}),
    };
  };

  const interactions =
    options.mode === 'http' && http.publicKey
      ? {
          publicKey: publicKeyFromHex(http.publicKey),
          handle: httpInteractions({
            dispatcher,
            log,
            modRoleIds: options.modRoleIds,
            rest: new REST({ api: http.apiUrl, version: '10' }),
            deferAfterMs: DEFER_AFTER_MS,
          }),
        }
      : null;
  const server = await startHttpServer({ log, metrics, health, interactions }, http.port, http.host);
  log.info(
    { port: server.port, mode: options.mode, database: Boolean(channel), version: versionOf(store.current) },
    options.mode === 'http' ? 'serving interactions over HTTP' : 'serving /healthz and /metrics',
  );
  return {
    metrics,
    server,
    sync,
    async close() {
      await server.close();
      await channel?.close();
    },
  };
}

/** `npm start` in HTTP mode: serves until SIGINT or SIGTERM, then finishes what is in flight and exits 0. */
export async function serveUntilSignal(options: ServiceOptions): Promise<void> {
  const { log } = options;
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled promise rejection'));
  let service: Service;
  try {
    service = await startService(options);
  } catch (err) {
    log.fatal({ err: { message: (err as Error).message, code: (err as { code?: unknown }).code } }, 'could not start');
    log.flush(() => process.exit(1));
    return;
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    // npm forwards the signal a process group already got: the second one is the same request.
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing the requests in flight');
    // Bounded: a follow-up stuck on Discord must not keep the process from exiting.
    setTimeout(() => log.flush(() => process.exit(0)), SHUTDOWN_GRACE_MS).unref();
    void service
      .close()
      .then(() => options.onClose?.())
      .finally(() => {
        log.info('stopped');
        log.flush(() => process.exit(0));
      });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

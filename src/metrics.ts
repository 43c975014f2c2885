import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The bot's Prometheus metrics, served at GET /metrics. One registry per process (tests make
 * their own), so nothing leaks between instances. Label values are bounded: command names come
 * from the command list and statuses from a fixed vocabulary, never from what a member typed.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly #interactions: Counter<'kind' | 'command' | 'status'>;
  readonly #latency: Histogram<'kind'>;
  readonly #entries: Gauge;
  readonly #version: Gauge<'version'>;
  readonly #loadedAt: Gauge;
  readonly #refreshes: Counter<'outcome'>;
  #gatewayPing: (() => number) | undefined;

  constructor({ defaults = true } = {}) {
    const registers = [this.registry];
    if (defaults) collectDefaultMetrics({ register: this.registry, prefix: 'storybot_' });
    this.#interactions = new Counter({
      name: 'storybot_interactions_total',
      help: 'Interactions handled, by kind (command, autocomplete, button), command and outcome status.',
      labelNames: ['kind', 'command', 'status'],
      registers,
    });
    this.#latency = new Histogram({
      name: 'storybot_interaction_duration_seconds',
      help: 'Time from receiving an interaction to having its reply ready.',
      labelNames: ['kind'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.#entries = new Gauge({
      name: 'storybot_knowledge_entries',
      help: 'Entries in the knowledge being served.',
      registers,
    });
    this.#version = new Gauge({
      name: 'storybot_knowledge_info',
      help: 'The knowledge version being served (content hash), as a label; the value is always 1.',
      labelNames: ['version'],
      registers,
    });
    this.#loadedAt = new Gauge({
      name: 'storybot_knowledge_loaded_timestamp_seconds',
      help: 'When the knowledge being served was loaded (Unix time).',
      registers,
    });
    this.#refreshes = new Counter({
      name: 'storybot_knowledge_refreshes_total',
      help: 'Knowledge reloads (by /refresh here, or following another copy), by outcome: ok, or refused (invalid files).',
      labelNames: ['outcome'],
      registers,
    });
    const ping = () => this.#gatewayPing?.();
    new Gauge({
      name: 'storybot_gateway_ping_seconds',
      help: 'Gateway heartbeat round trip, in gateway mode (absent in HTTP mode).',
      registers,
      collect() {
        const ms = ping();
        if (ms !== undefined && ms >= 0) this.set(ms / 1000);
      },
    });
  }

  interaction(kind: string, command: string, status: string, ms: number): void {
    this.#interactions.inc({ kind, command, status });
    this.#latency.observe({ kind }, ms / 1000);
  }

  knowledge(version: string, entries: number, loadedAt = Date.now()): void {
    this.#version.reset();
    this.#version.set({ version }, 1);
    this.#entries.set(entries);
    this.#loadedAt.set(Math.floor(loadedAt / 1000));
  }

  refresh(outcome: 'ok' | 'refused'): void {
    this.#refreshes.inc({ outcome });
  }

  /** In gateway mode: where to read the heartbeat ping (ms; negative until the first heartbeat). */
  gatewayPing(read: () => number): void {
    this.#gatewayPing = read;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

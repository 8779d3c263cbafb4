import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { operationLabel } from './operationLabel';
import type { UpstreamEvent } from './upstreamTiming';

/** The breaker's states as the `state` label spells them (Prometheus label values, snake case). */
const BREAKER_STATES = { closed: 'closed', open: 'open', 'half-open': 'half_open' } as const;

/**
 * The gateway's Prometheus metrics (prom-client), served at GET /metrics. One registry per gateway.
 * Node's default metrics keep their standard names (process_*, nodejs_*) so stock dashboards find them.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly knownOperations: ReadonlySet<string>;
  private readonly requests = new Counter({
    name: 'categraph_graphql_requests_total',
    help: 'GraphQL operations served, by operation name, type and outcome (ok, errors)',
    labelNames: ['operation', 'type', 'outcome'],
    registers: [this.registry],
  });
  private readonly requestSeconds = new Histogram({
    name: 'categraph_graphql_request_duration_seconds',
    help: 'Time to answer a GraphQL operation, by operation name',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly upstreamRequests = new Counter({
    name: 'categraph_upstream_requests_total',
    help: 'Attempts of upstream requests, by store, platform, method and status (0: no answer)',
    labelNames: ['store', 'platform', 'method', 'status'],
    registers: [this.registry],
  });
  private readonly upstreamSeconds = new Histogram({
    name: 'categraph_upstream_request_duration_seconds',
    help: 'Time of one upstream attempt, by store and platform',
    labelNames: ['store', 'platform'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly retries = new Counter({
    name: 'categraph_upstream_retries_total',
    help: 'Upstream attempts repeated by the retry policy',
    labelNames: ['store', 'platform'],
    registers: [this.registry],
  });
  private readonly throttled = new Counter({
    name: 'categraph_upstream_throttled_total',
    help: "Requests refused because the token's rate limit had no slot before the deadline",
    labelNames: ['store', 'platform'],
    registers: [this.registry],
  });
  private readonly breaker = new Gauge({
    name: 'categraph_upstream_circuit_state',
    help: "Each store's circuit breaker: 1 on the series of its current state (closed, open, half_open), 0 on the others",
    labelNames: ['store', 'platform', 'state'],
    registers: [this.registry],
  });

  private readonly webhooks = new Counter({
    name: 'categraph_webhook_deliveries_total',
    help: 'Platform webhook deliveries to configured stores, by store and outcome (purged, ignored, malformed, bad_signature, replayed, other_store, unavailable)',
    labelNames: ['store', 'outcome'],
    registers: [this.registry],
  });

  /** `knownOperationNames` label their operations; every other name counts as `other`. */
  constructor(knownOperationNames: readonly string[] = []) {
    this.knownOperations = new Set(knownOperationNames);
    collectDefaultMetrics({ register: this.registry });
  }

  /** A webhook delivery to a configured store (only those: the store label stays bounded). */
  observeWebhook(store: string, outcome: string): void {
    this.webhooks.inc({ store, outcome });
  }

  observeOperation(name: string, type: string, hadErrors: boolean, seconds: number): void {
    const operation = operationLabel(this.knownOperations, name);
    this.requests.inc({ operation, type, outcome: hadErrors ? 'errors' : 'ok' });
    this.requestSeconds.observe({ operation }, seconds);
  }

  observeUpstream = (event: UpstreamEvent): void => {
    switch (event.kind) {
      case 'attempt': {
        const { storeId: store, platform, method, status, durationMs } = event.timing;
        this.upstreamRequests.inc({ store, platform, method, status: String(status ?? 0) });
        this.upstreamSeconds.observe({ store, platform }, durationMs / 1000);
        break;
      }
      case 'retry':
        this.retries.inc({ store: event.storeId, platform: event.platform });
        break;
      case 'throttled':
        this.throttled.inc({ store: event.storeId, platform: event.platform });
        break;
      case 'breaker':
        for (const [state, label] of Object.entries(BREAKER_STATES)) {
          this.breaker.set({ store: event.storeId, platform: event.platform, state: label }, state === event.state ? 1 : 0);
        }
        break;
    }
  };
}

import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { externalChangeTags, storeTags } from '../../cache/entityTags';
import type { GatewayConfig } from '../../config/configSchema';
import type { GatewayMetrics } from '../../observability/metrics';
import { platformNamed } from '../../platforms';
import type { WebhookDelivery, WebhookVerdict } from '../../platforms/descriptor';
import type { StoreRegistry } from '../storeRegistry';

/** A webhook event is a few hundred bytes: anything much larger is not one. */
const WEBHOOK_MAX_BYTES = 16 * 1024;

export interface WebhookOptions {
  config: GatewayConfig;
  registry: StoreRegistry;
  metrics: GatewayMetrics;
  logger: Logger;
}

/**
 * `POST /webhooks/<platform>/<store id>`: a platform tells the gateway its catalog changed outside it (its
 * admin, another app), and the entity cache purges what the event names, on every replica. Open to the
 * platform, which sends no API key: only the store's webhook secret (its platform verifies the signature)
 * lets a delivery purge anything. A store without a secret has no such route (404). Refusals are logged and
 * counted; a purge that cannot reach the cache answers 503, so the platform delivers again.
 */
export function webhookRoutes({ config, registry, metrics, logger }: WebhookOptions) {
  const receivers = new Map<string, { platform: string; receive: (delivery: WebhookDelivery) => WebhookVerdict }>();
  for (const store of config.stores) {
    const receive = platformNamed(store.platform)?.webhooks?.receiver(store);
    if (receive) receivers.set(store.id, { platform: store.platform, receive });
  }
  return async (app: FastifyInstance): Promise<void> => {
    app.post<{ Params: { platform: string; storeId: string } }>('/webhooks/:platform/:storeId', { bodyLimit: WEBHOOK_MAX_BYTES }, async (request, reply) => {
      const { platform, storeId } = request.params;
      const receiver = receivers.get(storeId);
      if (!receiver || receiver.platform !== platform) return reply.code(404).send({ error: 'No webhooks are taken for this store' });
      const verdict = receiver.receive({ body: request.body, headers: request.headers, receivedAt: Date.now() });
      if (!verdict.accepted) {
        metrics.observeWebhook(storeId, verdict.outcome);
        logger.warn({ store: storeId, outcome: verdict.outcome, callerAddress: request.ip }, `webhook refused: ${verdict.message}`);
        return reply.code(verdict.status).send({ error: verdict.message });
      }
      const tags = verdict.changes.flatMap(externalChangeTags);
      const cache = registry.get(storeId)?.cache;
      if (tags.length > 0 && cache) {
        try {
          await cache.cache.purge(storeTags(storeId, tags));
        } catch {
          metrics.observeWebhook(storeId, 'unavailable');
          logger.warn({ store: storeId, outcome: 'unavailable' }, 'webhook not applied: the shared cache cannot be reached');
          return reply.code(503).send({ error: 'The cache cannot be reached; deliver again later' });
        }
      }
      metrics.observeWebhook(storeId, tags.length > 0 ? 'purged' : 'ignored');
      return reply.code(200).send({ purged: verdict.changes });
    });
  };
}

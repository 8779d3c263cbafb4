import { createHmac, randomUUID } from 'node:crypto';
import { CommonEmulatorOptions, EmulatorHttpError, EmulatorServer, RunningEmulator } from '../kit';
import { EcwidCatalog } from './catalog';
import { seedEcwidDemoCatalog } from './demoCatalog';
import { ecwidRoutes } from './routes';

export { EcwidCatalog } from './catalog';
export const ECWID_DEMO_STORE_ID = '4870020';
export const ECWID_DEMO_TOKEN = 'secret_ecwid_demo_token';
/** Ecwid's documented quota: 600 requests a minute a token. */
export const ECWID_RATE_LIMIT = { limit: 600, windowMs: 60_000 };

export interface EcwidEmulatorOptions extends CommonEmulatorOptions {
  storeId?: string;
  token?: string;
  /** The plan's category limit; creating beyond it answers 402. */
  maxCategories?: number;
  /** Sends Ecwid's webhooks, signed with the app's client secret, to this URL whenever the catalog changes. */
  webhooks?: { url: string; secret: string };
}

/** Starts an Ecwid REST API v3 emulator on 127.0.0.1; `baseUrl` is what a store's config takes. */
export async function startEcwidEmulator(options: EcwidEmulatorOptions = {}): Promise<RunningEmulator<EcwidCatalog>> {
  const storeId = options.storeId ?? ECWID_DEMO_STORE_ID;
  const token = options.token ?? ECWID_DEMO_TOKEN;
  const catalog = new EcwidCatalog({ maxCategories: options.maxCategories ?? 10_000 });
  if ((options.catalog ?? 'demo') === 'demo') seedEcwidDemoCatalog(catalog);
  const { webhooks } = options;
  if (webhooks) catalog.onChange = (eventType, entityId) => sendWebhook(webhooks, { storeId: Number(storeId), eventType, entityId });

  const server = new EmulatorServer({
    name: 'ecwid',
    routes: ecwidRoutes(catalog, storeId),
    authorize: (req) => {
      if (req.token !== token) throw new EmulatorHttpError(403, { errorMessage: 'Token is invalid or has no access to this store' });
    },
    rateLimit: options.rateLimit === false ? undefined : (options.rateLimit ?? ECWID_RATE_LIMIT),
    latencyMs: options.latencyMs,
    notFoundBody: { errorMessage: 'Not found' },
  });
  const origin = await server.listen(options.port);
  return { server, catalog, baseUrl: `${origin}/api/v3`, close: () => server.close() };
}

/**
 * One webhook as Ecwid sends it (docs/platforms/ecwid.md#webhooks): the event in the body, signed with
 * base64 HMAC-SHA256 of `{eventCreated}.{eventId}`. Sent in the background; a receiver that fails is not retried.
 */
function sendWebhook(to: { url: string; secret: string }, event: { storeId: number; eventType: string; entityId: number }): void {
  const eventId = randomUUID();
  const eventCreated = Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', to.secret).update(`${eventCreated}.${eventId}`).digest('base64');
  fetch(to.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=UTF-8', 'x-ecwid-webhook-signature': signature },
    body: JSON.stringify({ eventId, eventCreated, ...event }),
  }).catch(() => undefined);
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { CatalogChange, WebhookDelivery, WebhookVerdict } from '../descriptor';

/** Where Ecwid puts a delivery's signature (docs/platforms/ecwid.md#webhooks). */
const ECWID_SIGNATURE_HEADER = 'x-ecwid-webhook-signature';
/** Deliveries whose event is older (or further ahead) than this are refused as replays. */
const ECWID_WEBHOOK_MAX_AGE_MS = 5 * 60_000;

const event = z.object({
  eventId: z.string().min(1).max(200),
  /** UNIX seconds. */
  eventCreated: z.number().int().nonnegative(),
  storeId: z.union([z.number().int(), z.string().max(20)]),
  entityId: z.union([z.number().int(), z.string().max(100)]),
  eventType: z.string().max(100),
});

/** The catalog events the gateway's cache cares for; every other event is accepted and ignored. */
const CHANGED: Record<string, CatalogChange['entity']> = {
  'category.created': 'category',
  'category.updated': 'category',
  'category.deleted': 'category',
  'product.created': 'product',
  'product.updated': 'product',
  'product.deleted': 'product',
};

/** Base64 of HMAC-SHA256 of `{eventCreated}.{eventId}` with the app's client secret (docs/platforms/ecwid.md#webhooks). */
function ecwidWebhookSignature(secret: string, eventCreated: number, eventId: string): string {
  return createHmac('sha256', secret).update(`${eventCreated}.${eventId}`).digest('base64');
}

/** A store's webhook receiver, when its config has the Ecwid app's client secret (`webhookSecret`). */
export function ecwidWebhookReceiver(storeId: string, secret: string | undefined): ((delivery: WebhookDelivery) => WebhookVerdict) | undefined {
  return secret === undefined ? undefined : (delivery) => receive(delivery, secret, storeId);
}

function receive({ body, headers, receivedAt }: WebhookDelivery, secret: string, storeId: string): WebhookVerdict {
  const parsed = event.safeParse(body);
  if (!parsed.success) return refuse(400, 'malformed', 'The body is not an Ecwid webhook event');
  const { eventId, eventCreated, eventType, entityId } = parsed.data;
  const signature = headers[ECWID_SIGNATURE_HEADER];
  if (typeof signature !== 'string' || !sameText(signature, ecwidWebhookSignature(secret, eventCreated, eventId))) {
    return refuse(401, 'bad_signature', `${ECWID_SIGNATURE_HEADER} is missing or does not match`);
  }
  if (Math.abs(receivedAt - eventCreated * 1000) > ECWID_WEBHOOK_MAX_AGE_MS) return refuse(403, 'replayed', 'The event is too old (or ahead of the clock)');
  if (String(parsed.data.storeId) !== storeId) return refuse(403, 'other_store', 'The event is for another Ecwid store');
  const entity = CHANGED[eventType];
  const nativeId = String(entityId);
  // Only catalog events with an id an Ecwid entity can have purge anything.
  return { accepted: true, changes: entity && /^\d+$/.test(nativeId) ? [{ entity, nativeId }] : [] };
}

/** Compares in constant time, so a forger learns nothing from how long a refusal took. */
function sameText(received: string, expected: string): boolean {
  const [a, b] = [Buffer.from(received), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

const refuse = (status: 400 | 401 | 403, outcome: Extract<WebhookVerdict, { accepted: false }>['outcome'], message: string): WebhookVerdict => ({
  accepted: false,
  status,
  outcome,
  message,
});

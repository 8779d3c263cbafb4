import { ErrorCode } from '../../domain/errorCode';
import { GatewayFault } from '../../domain/gatewayFault';
import type { UpstreamResponse } from '../../upstream/types';
import { retryAfterSecondsOf, statusFault } from '../../upstream/upstreamFaults';
import { BigCommerceErrorObject, bigCommerceErrorBodySchema } from './wire';

export const PLATFORM_NAME = 'BigCommerce';

/** What a 404 of one call is about. */
export interface BigCommerceNotFound {
  code: ErrorCode;
  message: string;
  field?: string[];
}

export const categoryNotFound = (id: string, field = ['categoryId']): BigCommerceNotFound => ({
  code: ErrorCode.CATEGORY_NOT_FOUND,
  message: `Category ${id} does not exist`,
  field,
});

/** One failure of a batch: `errors` keys `"<index>.<field>"` (docs/platforms/bigcommerce.md#writes-and-concurrency). */
export interface ItemError {
  /** The item's zero-based index in the request's array, when the key names one. */
  index?: number;
  /** The wire field at fault, e.g. `name`, `parent_id`. */
  field?: string;
  message: string;
}

/** BigCommerce's field names as the gateway's input calls them. */
const INPUT_FIELDS: Record<string, string> = {
  name: 'name',
  url: 'name',
  parent_id: 'parentId',
  tree_id: 'parentId',
  description: 'description',
  is_visible: 'enabled',
  sort_order: 'position',
  category_id: 'categoryId',
  product_id: 'productIds',
  image_file: 'imageBase64',
};

/**
 * BigCommerce's error statuses in the gateway's terms (docs/platforms/bigcommerce.md#faults): 422 is the
 * input's fault (with its field), 404 is about what the operation says, 409 a conflict the store
 * imposes; 400 is a request the gateway should not have made (UPSTREAM_ERROR), and quota, credentials
 * and outages mean what they mean everywhere (429 RATE_LIMITED with the quota's reset time, 401/403
 * STORE_MISCONFIGURED, 5xx UPSTREAM_UNAVAILABLE).
 */
export function bigCommerceFault(response: UpstreamResponse, notFound: BigCommerceNotFound): GatewayFault {
  const details = { upstreamStatus: response.status };
  const message = errorMessageOf(response);
  switch (response.status) {
    case 404:
      return new GatewayFault(notFound.code, notFound.message, { ...details, field: notFound.field });
    case 409:
      return new GatewayFault(ErrorCode.CONFLICT, `BigCommerce reported a conflict: ${message ?? 'the store refused the change'}`, details);
    case 207:
    case 422:
      return new GatewayFault(ErrorCode.BAD_USER_INPUT, `BigCommerce refused the input: ${message ?? 'invalid data'}`, { ...details, field: fieldOf(response) });
    case 429:
      return new GatewayFault(ErrorCode.RATE_LIMITED, `${PLATFORM_NAME} rate limit reached`, {
        ...details,
        retryable: true,
        retryAfterSeconds: retryAfterSecondsOfQuota(response),
      });
    default:
      return statusFault(PLATFORM_NAME, response, message && `BigCommerce answered HTTP ${response.status}: ${message}`);
  }
}

/**
 * When the quota lets requests through again, in ms from now: `X-Rate-Limit-Time-Reset-Ms` of a 429
 * (docs/platforms/bigcommerce.md#rate-limits). Undefined for other answers, which carry the header too
 * but are no reason to wait for the window's end (a 5xx backs off as usual).
 */
export function rateLimitResetMs(response: UpstreamResponse): number | undefined {
  if (response.status !== 429) return undefined;
  const raw = response.headers['x-rate-limit-time-reset-ms'];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** A 429's wait in whole seconds: the quota's reset time, else Retry-After. */
function retryAfterSecondsOfQuota(response: UpstreamResponse): number | undefined {
  const resetMs = rateLimitResetMs(response);
  return resetMs === undefined ? retryAfterSecondsOf(response) : Math.ceil(resetMs / 1000);
}

/**
 * The per-item failures an answer reports, wherever its error object sits: flat, nested under `errors`
 * (the tree endpoints) or several of them in an array.
 */
export function itemErrorsOf(response: UpstreamResponse): ItemError[] {
  const body = errorBodyOf(response);
  return body ? errorObjects(body).flatMap(detailed) : [];
}

/**
 * What the answer says, shortened so no upstream essay reaches a client: its per-item messages, else its
 * title or detail; undefined for a body that is not BigCommerce's error JSON (a 401's plain text).
 */
export function errorMessageOf(response: UpstreamResponse): string | undefined {
  const body = errorBodyOf(response);
  if (!body) return undefined;
  const objects = errorObjects(body);
  const items = objects.flatMap(detailed).map((item) => item.message);
  const text = items.length > 0 ? items.join('; ') : objects.map((object) => object.detail ?? object.title).find(Boolean);
  return text?.trim() ? text.trim().slice(0, 300) : undefined;
}

/** The gateway input field the first per-item failure is about. */
function fieldOf(response: UpstreamResponse): string[] | undefined {
  for (const { field } of itemErrorsOf(response)) {
    const input = field && INPUT_FIELDS[field];
    if (input) return [input];
  }
  return undefined;
}

function errorBodyOf(response: UpstreamResponse): BigCommerceErrorObject | undefined {
  try {
    const parsed = bigCommerceErrorBodySchema.safeParse(JSON.parse(response.text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** An error object of its own, not a map of item failures: it has a title or a status. */
function isErrorObject(value: unknown): value is BigCommerceErrorObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { title, status } = value as { title?: unknown; status?: unknown };
  return typeof title === 'string' || typeof status === 'number';
}

/** The error objects in a body, the outer one first. */
function errorObjects(body: BigCommerceErrorObject): BigCommerceErrorObject[] {
  const inner = body.errors;
  if (Array.isArray(inner)) return [body, ...inner.filter(isErrorObject).flatMap(errorObjects)];
  if (isErrorObject(inner)) return [body, ...errorObjects(inner)];
  return [body];
}

/** The item failures an error object's `errors` map holds. */
function detailed(object: BigCommerceErrorObject): ItemError[] {
  const map = object.errors;
  if (!map || Array.isArray(map) || isErrorObject(map)) return [];
  return Object.entries(map).flatMap(([key, value]) => {
    const message = typeof value === 'string' ? value : undefined;
    if (!message) return [];
    const match = /^(?:(\d+)\.)?([a-z_:]+)$/i.exec(key);
    return [{ index: match?.[1] === undefined ? undefined : Number(match[1]), field: match?.[2], message }];
  });
}

import { ErrorCode } from '../domain/errorCode';
import { GatewayFault } from '../domain/gatewayFault';

export type NodeType = 'Category' | 'Product';

export interface GlobalId {
  type: NodeType;
  storeId: string;
  nativeId: string;
}

const PREFIX = 'gid://categraph/';
const STORE_ID = /^[a-z0-9][a-z0-9-]*$/;
const NODE_TYPES: readonly string[] = ['Category', 'Product'];
const MAX_LENGTH = 512;
/** With the u flag only an unpaired surrogate is a code point of category Cs: text encodeURIComponent cannot encode. */
const LONE_SURROGATE = /\p{Cs}/u;

/** gid://categraph/<Type>/<storeId>/<nativeId percent-encoded>, as README.md ("Global ids") defines it. */
export function toGlobalId(type: NodeType, storeId: string, nativeId: string): string {
  return `${PREFIX}${type}/${storeId}/${encodeURIComponent(nativeId)}`;
}

/**
 * Parses a global id, throwing BAD_USER_INPUT (with `field`) when it does not parse or names another
 * type than `expected`. Whether the store exists is the caller's check.
 */
export function parseGlobalId(raw: string, expected: NodeType | undefined, field: string[]): GlobalId {
  const invalid = (why: string) => new GatewayFault(ErrorCode.BAD_USER_INPUT, `Invalid id ${JSON.stringify(raw.slice(0, 100))}: ${why}`, { field });
  if (raw.length > MAX_LENGTH) throw invalid(`longer than ${MAX_LENGTH} characters`);
  // Such an id could be neither encoded into an upstream path nor given back as an id.
  if (LONE_SURROGATE.test(raw)) throw invalid('not well-formed Unicode (a lone surrogate)');
  if (!raw.startsWith(PREFIX)) throw invalid(`expected ${PREFIX}<Type>/<storeId>/<nativeId>`);
  const parts = raw.slice(PREFIX.length).split('/');
  if (parts.length !== 3) throw invalid(`expected ${PREFIX}<Type>/<storeId>/<nativeId>`);
  const [type, storeId, encoded] = parts;
  if (!NODE_TYPES.includes(type)) throw invalid(`unknown type ${JSON.stringify(type)}`);
  if (expected && type !== expected) throw invalid(`expected a ${expected} id, got a ${type} id`);
  if (!STORE_ID.test(storeId)) throw invalid('malformed store id');
  let nativeId: string;
  try {
    nativeId = decodeURIComponent(encoded);
  } catch {
    throw invalid('malformed percent-encoding');
  }
  if (nativeId === '') throw invalid('empty native id');
  return { type: type as NodeType, storeId, nativeId };
}

import { createHash, timingSafeEqual } from 'node:crypto';
import type { ClientConfig } from './clientsConfig';
import { Client } from './client';

interface Entry {
  digest: Buffer;
  client: Client;
}

/**
 * The configured clients, found by the key a request presents. Keys are kept only as SHA-256 digests,
 * and a lookup compares the presented key's digest with every client's in constant time, without
 * stopping at a match: neither the key's length nor which client it belongs to shows in the timing.
 */
export class ClientDirectory {
  private readonly entries: readonly Entry[];

  constructor(clients: readonly ClientConfig[]) {
    this.entries = clients.map((config) => ({
      digest: digestOf(config.key),
      client: new Client(config.name, config.stores === '*' ? '*' : new Set(config.stores), new Set(config.scopes)),
    }));
  }

  /** The client whose key this is, or undefined. */
  identify(presentedKey: string): Client | undefined {
    const digest = digestOf(presentedKey);
    let found: Client | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(digest, entry.digest)) found = entry.client;
    }
    return found;
  }
}

function digestOf(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

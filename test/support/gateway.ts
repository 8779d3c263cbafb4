import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { Logger } from 'pino';
import { parseConfig } from '../../src/config/loadConfig';
import type { RunningEmulator } from '../../src/emulators/kit';
import { GatewayServer, startGateway } from '../../src/gateway/server';

export interface GraphQLResponse<T = any> {
  status: number;
  // Present unless the request failed as a whole; tests that expect that assert `errors` instead.
  data: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
}

export interface TestGateway {
  server: GatewayServer;
  url: string;
  /** POSTs a GraphQL operation over real HTTP: a string, or a typed document from test/generated. */
  query<T = any, V = Record<string, unknown>>(query: string | TypedDocumentNode<T, V>, variables?: V): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * The gateway in-process on a free loopback port, in front of the given stores (config shape as in YAML).
 * The entity cache is off unless a test asks for it: tests change the emulators behind the gateway's back.
 */
export async function startTestGateway(config: GatewayOptions & { stores: unknown[] }, options: { logger?: Logger } = {}): Promise<TestGateway> {
  const server = await startGateway(parseConfig({ cache: { ttlSeconds: 0 }, ...config, server: { port: 0, ...config.server } }, 'test config'), options);
  return {
    server,
    url: server.url,
    query: (query, variables) => postGraphQL(server.url, typeof query === 'string' ? query : print(query), variables as Record<string, unknown>),
    close: () => server.close(),
  };
}

export async function postGraphQL<T = any>(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

export const gid = (type: 'Category' | 'Product', storeId: string, nativeId: string | number) => `gid://categraph/${type}/${storeId}/${encodeURIComponent(String(nativeId))}`;

export type GatewayOptions = {
  server?: Record<string, unknown>;
  upstream?: Record<string, unknown>;
  tracing?: Record<string, unknown>;
  cache?: Record<string, unknown>;
  clients?: unknown[];
};

/** A platform emulator with the gateway in front of it as one store. */
export interface Harness<TCatalog> {
  emulator: RunningEmulator<TCatalog>;
  gateway: TestGateway;
  close(): Promise<void>;
}

/**
 * Options for a gateway that tests features, not budgets: a per-client budget it never exhausts, unless the test sets
 * its own (a suite sends many operations from 127.0.0.1, one caller). Budget tests call startTestGateway for the real default.
 */
export const withAmpleBudget = (options: GatewayOptions): GatewayOptions => ({
  ...options,
  server: { budget: { maximumAvailable: 1_000_000, restoreRate: 1_000_000 }, ...options.server },
});

/** Puts the gateway in front of a started emulator; closing stops both. */
export async function harnessFor<TCatalog>(emulator: RunningEmulator<TCatalog>, store: Record<string, unknown>, options: GatewayOptions = {}): Promise<Harness<TCatalog>> {
  const gateway = await startTestGateway({ ...withAmpleBudget(options), stores: [{ ...store, baseUrl: emulator.baseUrl }] });
  return {
    emulator,
    gateway,
    close: async () => {
      await gateway.close();
      await emulator.close();
    },
  };
}

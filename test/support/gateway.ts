import { parseConfig } from '../../src/config/loadConfig';
import { GatewayServer, startGateway } from '../../src/server';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
}

export interface TestGateway {
  server: GatewayServer;
  url: string;
  /** POSTs a GraphQL operation over real HTTP. */
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** The gateway in-process on a free loopback port, in front of the given stores (config shape as in YAML). */
export async function startTestGateway(config: { stores: unknown[]; server?: Record<string, unknown>; upstream?: Record<string, unknown> }): Promise<TestGateway> {
  const server = await startGateway(parseConfig({ ...config, server: { port: 0, ...config.server } }, 'test config'));
  return {
    server,
    url: server.url,
    query: (query, variables) => postGraphQL(server.url, query, variables),
    close: () => server.close(),
  };
}

export async function postGraphQL<T = any>(url: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

export const gid = (type: 'Category' | 'Product', storeId: string, nativeId: string | number) =>
  `gid://categraph/${type}/${storeId}/${encodeURIComponent(String(nativeId))}`;

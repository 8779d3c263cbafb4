import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { composeSubgraphs, LoaderContext, loadGraphQLHTTPSubgraph } from '@graphql-mesh/compose-cli';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'graphql';
import type { EcwidCategoryState } from '../../src/emulators/ecwid/catalog';
import { ECWID_STORE, EcwidHarness, startEcwidHarness } from '../support/ecwidGateway';
import { gid, postGraphQL } from '../support/gateway';

interface Review {
  id: string;
  rating: number;
  categoryId: string;
}

/**
 * A reviews team's subgraph, Relay-style as many are: it extends Categraph's Category with its reviews
 * and has a PageInfo of its own, which composes because both subgraphs mark it shareable.
 */
function reviewsSubgraph(reviews: Review[]) {
  return buildSubgraphSchema({
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key", "@shareable"])
      type Query { latestReviews(first: Int!): ReviewConnection! }
      type ReviewConnection { nodes: [Review!]! pageInfo: PageInfo! }
      type PageInfo @shareable { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
      type Review { id: ID! rating: Int! category: Category! }
      type Category @key(fields: "id") { id: ID! reviewCount: Int! }
    `),
    resolvers: {
      Query: {
        latestReviews: (_: unknown, { first }: { first: number }) => ({
          nodes: reviews.slice(0, first),
          pageInfo: { hasNextPage: reviews.length > first, hasPreviousPage: false, startCursor: null, endCursor: null },
        }),
      },
      Review: { category: (review: Review) => ({ id: review.categoryId }) },
      Category: { reviewCount: ({ id }: { id: string }) => reviews.filter((review) => review.categoryId === id).length },
    },
  });
}

async function listen(server: ApolloServer): Promise<string> {
  return (await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } })).url;
}

interface Router {
  url: string;
  close(): Promise<void>;
}

/** Each subgraph's name and URL, as the composers take them. */
type Subgraphs = Record<string, string>;

/**
 * `rover supergraph compose` with `subgraph_url`s (it reads each subgraph's `_service { sdl }`), and
 * `@apollo/gateway` serving the supergraph.
 */
async function apolloRouter(subgraphs: Subgraphs): Promise<Router> {
  const services = await Promise.all(
    Object.entries(subgraphs).map(async ([name, url]) => ({ name, url, typeDefs: parse((await postGraphQL(url, '{ _service { sdl } }')).data._service.sdl) })),
  );
  const composed = composeServices(services);
  if (composed.errors) throw new Error(`Apollo composition failed: ${composed.errors.map((e) => e.message).join('; ')}`);
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: composed.supergraphSdl }) });
  return { url: await listen(server), close: () => server.stop() };
}

/**
 * `mesh-compose` with a mesh.config.ts of `loadGraphQLHTTPSubgraph` sources, and Hive Gateway serving
 * the supergraph over its HTTP transport (@graphql-mesh/transport-http, which the `hive-gateway` CLI bundles).
 */
async function hiveRouter(subgraphs: Subgraphs): Promise<Router> {
  const context = { fetch, cwd: process.cwd(), logger: console } as unknown as LoaderContext;
  const loaded = await Promise.all(
    Object.entries(subgraphs).map(async ([name, endpoint]) => ({ name, schema: await loadGraphQLHTTPSubgraph(name, { endpoint })(context).schema$ })),
  );
  const composed = composeSubgraphs(loaded);
  if (composed.errors) throw new Error(`mesh composition failed: ${composed.errors.map((e) => e.message).join('; ')}`);
  const gateway = createGatewayRuntime({
    supergraph: composed.supergraphSdl,
    logging: false,
  });
  const server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: async () => {
      await gateway.dispose();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

let h: EcwidHarness;
let reviewsServer: ApolloServer;
let subgraphs: Subgraphs;
let reviewed: EcwidCategoryState[];
const reviews: Review[] = [];

beforeAll(async () => {
  h = await startEcwidHarness({}, { server: { federation: true } });
  // The first category gets one review, the second two, the third three.
  reviewed = [...h.emulator.catalog.categories.values()].slice(0, 3);
  reviewed.forEach((category, index) => {
    for (let n = 0; n <= index; n++) reviews.push({ id: `r${reviews.length}`, rating: 5 - n, categoryId: gid('Category', ECWID_STORE, category.id) });
  });
  reviewsServer = new ApolloServer({ schema: reviewsSubgraph(reviews), plugins: [ApolloServerPluginInlineTraceDisabled()] });
  subgraphs = { categraph: h.gateway.url, reviews: await listen(reviewsServer) };
});
afterAll(async () => {
  await reviewsServer?.stop();
  await h?.close();
});

describe.each([
  ['@apollo/composition + @apollo/gateway', apolloRouter],
  ['@graphql-mesh/compose-cli + Hive Gateway', hiveRouter],
])('Categraph composed by %s', (_toolchain, startRouter) => {
  let router: Router;
  beforeAll(async () => {
    router = await startRouter(subgraphs);
  });
  afterAll(() => router?.close());

  test("a category from Categraph carries the reviews subgraph's fields", async () => {
    for (const [index, category] of reviewed.entries()) {
      const id = gid('Category', ECWID_STORE, category.id);
      const { data, errors } = await postGraphQL(router.url, 'query($id: ID!) { category(id: $id) { id name reviewCount } }', { id });
      expect(errors).toBeUndefined();
      expect(data.category).toEqual({ id, name: category.name, reviewCount: index + 1 });
    }
  });

  test('reviews from the reviews subgraph resolve their categories through Categraph', async () => {
    const { data, errors } = await postGraphQL(
      router.url,
      '{ latestReviews(first: 4) { nodes { id rating category { id name enabled store { id platform } } } pageInfo { hasNextPage } } }',
    );
    expect(errors).toBeUndefined();
    expect(data.latestReviews.pageInfo).toEqual({ hasNextPage: true });
    expect(data.latestReviews.nodes).toEqual(
      reviews.slice(0, 4).map((review) => {
        const category = h.emulator.catalog.categories.get(Number(review.categoryId.split('/').pop()))!;
        return {
          id: review.id,
          rating: review.rating,
          category: { id: review.categoryId, name: category.name, enabled: category.enabled, store: { id: ECWID_STORE, platform: 'ECWID' } },
        };
      }),
    );
  });
});

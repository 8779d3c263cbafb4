import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { Kind, ObjectTypeDefinitionNode, parse, print } from 'graphql';
import { ECWID_STORE, EcwidHarness, startEcwidHarness } from '../support/ecwidGateway';
import { gid, postGraphQL, startTestGateway } from '../support/gateway';

/**
 * A merchandising team's subgraph: it owns a note per category and a stock level per product, and
 * knows which categories and products to feature, by their Categraph ids only.
 */
function merchandisingSubgraph(notes: Map<string, string>, stock: Map<string, number>) {
  return buildSubgraphSchema({
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key"])
      type Query { featuredCategories: [Category!]! featuredProducts: [Product!]! }
      type Category @key(fields: "id") { id: ID! merchandisingNote: String }
      type Product @key(fields: "id") { id: ID! stockLevel: Int }
    `),
    resolvers: {
      Query: {
        featuredCategories: () => [...notes.keys()].map((id) => ({ id })),
        featuredProducts: () => [...stock.keys()].slice(0, 5).map((id) => ({ id })),
      },
      Category: { merchandisingNote: ({ id }: { id: string }) => notes.get(id) ?? null },
      Product: { stockLevel: ({ id }: { id: string }) => stock.get(id) ?? null },
    },
  });
}

async function listen(server: ApolloServer): Promise<string> {
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return url;
}

let h: EcwidHarness;
let merchandising: ApolloServer;
let supergraph: ApolloServer;
let supergraphUrl: string;
let categraphSdl: string;
const notes = new Map<string, string>();
const stock = new Map<string, number>();

beforeAll(async () => {
  h = await startEcwidHarness({}, { server: { federation: true } });
  const featured = [...h.emulator.catalog.categories.values()].filter((c) => c.productIds.length >= 3).slice(0, 5);
  for (const category of featured) notes.set(gid('Category', ECWID_STORE, category.id), `Feature ${category.name} on the home page`);
  for (const productId of new Set(featured.flatMap((c) => c.productIds))) stock.set(gid('Product', ECWID_STORE, productId), productId % 17);

  merchandising = new ApolloServer({ schema: merchandisingSubgraph(notes, stock), plugins: [ApolloServerPluginInlineTraceDisabled()] });
  const merchandisingUrl = await listen(merchandising);

  // As `rover supergraph compose` does with subgraph_url introspection: each subgraph's _service.sdl.
  categraphSdl = await serviceSdl(h.gateway.url);
  const composed = composeServices([
    { name: 'categraph', url: h.gateway.url, typeDefs: parse(categraphSdl) },
    { name: 'merchandising', url: merchandisingUrl, typeDefs: parse(await serviceSdl(merchandisingUrl)) },
  ]);
  if (composed.errors) throw new Error(`composition failed: ${composed.errors.map((e) => e.message).join('; ')}`);
  supergraph = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: composed.supergraphSdl }) });
  supergraphUrl = await listen(supergraph);
});
afterAll(async () => {
  await supergraph?.stop();
  await merchandising?.stop();
  await h?.close();
});
beforeEach(() => h.emulator.server.log.clear());

async function serviceSdl(url: string): Promise<string> {
  return (await postGraphQL(url, '{ _service { sdl } }')).data._service.sdl;
}

describe('Categraph as an Apollo Federation v2 subgraph', () => {
  test('_service.sdl declares the entities, keyed by their global id, on the definitions that hold their fields', () => {
    expect(categraphSdl).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.0", import: \["@key", "@shareable"\]\)/);
    const definitions = parse(categraphSdl).definitions;
    // A composer that reads `extend type` as a type of its own (The Guild's) finds its fields missing.
    expect(definitions.filter((definition) => definition.kind === Kind.OBJECT_TYPE_EXTENSION)).toEqual([]);
    const directives = (type: string) =>
      definitions
        .filter((definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === type)
        .map((definition) => (definition.directives ?? []).map((directive) => print(directive)));
    expect(directives('Category')).toEqual([['@key(fields: "id")']]);
    expect(directives('Product')).toEqual([['@key(fields: "id")']]);
    expect(directives('PageInfo')).toEqual([['@shareable']]);
  });

  test('a supergraph query spans both subgraphs, and Categraph resolves the entities in batches', async () => {
    const { status, data, errors } = await postGraphQL(
      supergraphUrl,
      `{
        featuredCategories { id name merchandisingNote products(first: 3) { nodes { product { id name stockLevel } } } }
        featuredProducts { id sku name stockLevel }
      }`,
    );
    expect(errors).toBeUndefined();
    expect(status).toBe(200);

    const catalog = h.emulator.catalog;
    expect(data.featuredCategories).toHaveLength(5);
    for (const category of data.featuredCategories) {
      const nativeId = Number(category.id.split('/').pop());
      expect(category.name).toBe(catalog.categories.get(nativeId)!.name);
      expect(category.merchandisingNote).toBe(`Feature ${category.name} on the home page`);
      expect(category.products.nodes).toHaveLength(3);
      for (const { product } of category.products.nodes) {
        expect(product.name).toBe(catalog.products.get(Number(product.id.split('/').pop()))!.name);
        expect(product.stockLevel).toBe(stock.get(product.id));
      }
    }
    expect(data.featuredProducts).toHaveLength(5);
    for (const product of data.featuredProducts) {
      const record = catalog.products.get(Number(product.id.split('/').pop()))!;
      expect(product).toEqual({ id: product.id, sku: record.sku, name: record.name, stockLevel: stock.get(product.id) });
    }

    const log = h.emulator.server.log;
    // The 5 category entities: one read each (Ecwid has no batch read by id), never a listing.
    expect(log.count({ path: /\/categories$/ })).toBe(0);
    expect(log.count({ path: /\/categories\/\d+$/ })).toBe(5);
    // Product names: one batched read for all products of the 5 categories, one for the 5 product
    // entities (the router asks for each group in its own _entities request).
    const categoriesProducts = new Set(data.featuredCategories.flatMap((c: any) => c.products.nodes.map((n: any) => n.product.id))).size;
    const productReads = log.all().filter((entry) => entry.path.endsWith('/products'));
    expect(productReads.map((entry) => entry.query.productId.split(',').length).sort((a, b) => a - b)).toEqual([5, categoriesProducts].sort((a, b) => a - b));
    expect(log.all()).toHaveLength(7);
  });

  test('a bad representation fails its own entity before any platform request; the others resolve', async () => {
    const product = [...stock.keys()][0];
    const { data, errors } = await postGraphQL(h.gateway.url, `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { name } } }`, {
      representations: [
        { __typename: 'Product', id: product },
        { __typename: 'Product', id: gid('Product', ECWID_STORE, 'not-a-number') },
        { __typename: 'Category', id: gid('Category', 'no-such-store', 1) },
      ],
    });
    expect(data._entities[0].name).toEqual(expect.any(String));
    expect(data._entities.slice(1)).toEqual([null, null]);
    expect(errors!.map((error) => [error.path, error.extensions!.code])).toEqual([
      [['_entities', 1], 'BAD_USER_INPUT'],
      [['_entities', 2], 'STORE_NOT_FOUND'],
    ]);
    expect(h.emulator.server.log.all()).toHaveLength(1);
  });

  test('each representation counts toward the operation cost, so a flood is refused before any request', async () => {
    const representations = Array.from({ length: 12_000 }, () => ({ __typename: 'Product', id: [...stock.keys()][0] }));
    const { status, errors } = await postGraphQL(
      h.gateway.url,
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { id nativeId sku name } } }`,
      { representations },
    );
    expect(status).toBe(400);
    expect(errors![0].message).toMatch(/costs \d+, above the limit/);
    expect(h.emulator.server.log.all()).toHaveLength(0);
  });

  test('with federation off (the default) the schema has no _service or _entities', async () => {
    const plain = await startTestGateway({ stores: [{ id: ECWID_STORE, platform: 'ecwid', storeId: '1', token: 't', baseUrl: 'http://127.0.0.1:9' }] });
    try {
      const { status, errors } = await plain.query('{ _service { sdl } }');
      expect(status).toBe(400);
      expect(errors![0].message).toMatch(/Cannot query field "_service"/);
    } finally {
      await plain.close();
    }
  });
});

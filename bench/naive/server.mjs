// The naive baseline: the gateway's stack (Fastify + Apollo Server 5 + graphql 16) with resolvers that ask
// Ecwid for each field as GraphQL reaches it: no loaders, no batching, no shared reads (N+1).
// Serves the subset of Categraph's schema the scenarios use, so both get the same query texts.
// Env: ECWID_BASE_URL, ECWID_STORE_ID, ECWID_TOKEN. Prints its URL once listening on 127.0.0.1.
import { ApolloServer } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify from 'fastify';

const base = `${process.env.ECWID_BASE_URL}/${process.env.ECWID_STORE_ID}`;
const headers = { authorization: `Bearer ${process.env.ECWID_TOKEN}`, 'content-type': 'application/json' };

async function ecwid(path, init = {}) {
  const response = await fetch(`${base}${path}`, { ...init, headers });
  if (!response.ok) throw new Error(`Ecwid answered ${response.status} to ${path}`);
  return response.json();
}

const nativeId = (gid) => decodeURIComponent(gid.slice(gid.lastIndexOf('/') + 1));

const typeDefs = `#graphql
  type Query { category(id: ID!): Category }
  type Category { id: ID! name: String! children(first: Int = 50): CategoryConnection! products(first: Int = 50): AssignmentConnection! }
  type CategoryConnection { nodes: [Category!]! }
  type AssignmentConnection { nodes: [Assignment!]! }
  type Assignment { position: Int! product: Product }
  type Product { id: ID! name: String! }
  type UserError { code: String! message: String! }
  input MoveProductInput { categoryId: ID! productId: ID! position: Int! }
  input AssignProductsInput { categoryId: ID! productIds: [ID!]! }
  type MutationPayload { userErrors: [UserError!]! }
  type Mutation { moveProduct(input: MoveProductInput!): MutationPayload! assignProducts(input: AssignProductsInput!): MutationPayload! }
`;

const resolvers = {
  Query: {
    category: (_, { id }) => ecwid(`/categories/${nativeId(id)}`),
  },
  Category: {
    id: (category) => `gid://categraph/Category/ecwid/${category.id}`,
    children: async (category, { first }) => ({ nodes: (await ecwid(`/categories?parent=${category.id}&limit=${first}`)).items }),
    // The listing carries no product order: one more read of the category itself.
    products: async (category, { first }) => {
      const { productIds = [] } = category.productIds ? category : await ecwid(`/categories/${category.id}`);
      return { nodes: productIds.slice(0, first).map((productId, position) => ({ productId, position })) };
    },
  },
  Assignment: {
    product: async ({ productId }) => (await ecwid(`/products?productId=${productId}`)).items[0] ?? null,
  },
  Product: {
    id: (product) => `gid://categraph/Product/ecwid/${product.id}`,
  },
  Mutation: {
    moveProduct: async (_, { input }) => {
      const categoryId = nativeId(input.categoryId);
      const productId = Number(nativeId(input.productId));
      const { productIds } = await ecwid(`/categories/${categoryId}`);
      const rest = productIds.filter((id) => id !== productId);
      rest.splice(input.position, 0, productId);
      await ecwid(`/categories/${categoryId}`, { method: 'PUT', body: JSON.stringify({ productIds: rest }) });
      return { userErrors: [] };
    },
    assignProducts: async (_, { input }) => {
      const productIds = input.productIds.map((id) => Number(nativeId(id)));
      await ecwid(`/categories/${nativeId(input.categoryId)}/assignProducts`, { method: 'POST', body: JSON.stringify({ productIds }) });
      return { userErrors: [] };
    },
  },
};

const app = Fastify();
const apollo = new ApolloServer({ typeDefs, resolvers, csrfPrevention: false, plugins: [fastifyApolloDrainPlugin(app)] });
await apollo.start();
await app.register(fastifyApollo(apollo));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`naive baseline at ${address}/graphql`);
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));

import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { GraphQLSchema, parse, printSchema } from 'graphql';
import { createResolversMap } from 'type-graphql';
import { entityReferenceResolvers } from './entityReferences';

/**
 * The federation additions to the gateway's own SDL: the two entities, keyed by their global id, under
 * Federation v2.0 (all that @key needs, so every Federation 2 router composes it).
 */
const FEDERATION_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key"])
  extend type Category @key(fields: "id")
  extend type Product @key(fields: "id")
`;

/**
 * The gateway as an Apollo Federation v2 subgraph (`server.federation`): the code-first schema printed,
 * extended with @link/@key, and rebuilt by @apollo/subgraph with type-graphql's resolvers and the
 * entities' reference resolvers, which adds `_service { sdl }` and `_entities`. schema.graphql stays
 * the plain schema; this one is served only when federation is on.
 */
export function buildGatewaySubgraphSchema(schema: GraphQLSchema): GraphQLSchema {
  const resolvers = createResolversMap(schema) as Record<string, object>;
  for (const [typeName, reference] of Object.entries(entityReferenceResolvers)) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  return buildSubgraphSchema({
    typeDefs: parse(`${printSchema(schema)}\n${FEDERATION_SDL}`),
    // The map's type has no place for __resolveReference, which @apollo/subgraph reads all the same.
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
}

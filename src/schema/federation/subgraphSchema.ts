import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { GraphQLSchema, parse, printSchema } from 'graphql';
import { createResolversMap } from 'type-graphql';
import { entityReferenceResolvers, refuseMalformedRepresentations } from './entityReferences';
import { foldTypeExtensions } from './foldTypeExtensions';

/**
 * The federation additions to the gateway's own SDL, under Federation v2.0 (so every Federation 2
 * router composes it): the two entities, keyed by their global id, and PageInfo shareable, since a
 * Relay-style subgraph beside it defines its own.
 */
const FEDERATION_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key", "@shareable"])
  extend type Category @key(fields: "id")
  extend type Product @key(fields: "id")
  extend type PageInfo @shareable
`;

/**
 * The gateway as an Apollo Federation v2 subgraph (`server.federation`): the code-first schema printed,
 * the additions folded into its type definitions (so `_service { sdl }` puts each @key on the type that
 * defines the fields, which every composer reads), and rebuilt by @apollo/subgraph with type-graphql's
 * resolvers and the entities' reference resolvers, which adds `_service { sdl }` and `_entities`.
 * schema.graphql stays the plain schema; this one is served only when federation is on.
 */
export function buildGatewaySubgraphSchema(schema: GraphQLSchema): GraphQLSchema {
  const resolvers = createResolversMap(schema) as Record<string, object>;
  for (const [typeName, reference] of Object.entries(entityReferenceResolvers)) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  const subgraph = buildSubgraphSchema({
    typeDefs: foldTypeExtensions(parse(`${printSchema(schema)}\n${FEDERATION_SDL}`)),
    // The map's type has no place for __resolveReference, which @apollo/subgraph reads all the same.
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
  refuseMalformedRepresentations(subgraph);
  return subgraph;
}

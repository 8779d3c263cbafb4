import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { AssignmentMutations } from './assignment/AssignmentMutations';
import { AssignmentResolver } from './assignment/AssignmentResolver';
import { CategoryMutations } from './category/CategoryMutations';
import { CategoryResolver } from './category/CategoryResolver';
import { definePlatformValues } from './common/enums';
import { NodeResolver } from './node/NodeResolver';
import { StoreResolver } from './store/StoreResolver';

export interface GatewaySchemaOptions {
  /** The Platform enum's values: the registered platforms' GraphQL names. */
  platforms: readonly string[];
}

/** The gateway's executable schema, code-first; schema.graphql is printed from it. */
export function buildGatewaySchema({ platforms }: GatewaySchemaOptions): GraphQLSchema {
  definePlatformValues(platforms);
  return buildSchemaSync({
    resolvers: [StoreResolver, CategoryResolver, AssignmentResolver, NodeResolver, AssignmentMutations, CategoryMutations],
    // Inputs are validated inside the mutations, so failures become userErrors (see mutationOutcome).
    validate: false,
  });
}

/** The SDL committed as schema.graphql (sorted, so it diffs cleanly). */
export function printGatewaySchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

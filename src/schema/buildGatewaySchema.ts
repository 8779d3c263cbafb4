import 'reflect-metadata';
import { GraphQLFieldResolver, GraphQLSchema, isObjectType, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { AssignmentMutations } from './assignment/AssignmentMutations';
import { AssignmentResolver } from './assignment/AssignmentResolver';
import { CategoryMutations } from './category/CategoryMutations';
import { CategoryResolver } from './category/CategoryResolver';
import { categoryChildren } from './category/listCategories';
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
  const schema = buildSchemaSync({
    resolvers: [StoreResolver, CategoryResolver, AssignmentResolver, NodeResolver, AssignmentMutations, CategoryMutations],
    // Inputs are validated inside the mutations, so failures become userErrors (see mutationOutcome).
    validate: false,
  });
  for (const [typeName, fieldName, resolve] of DIRECT_RESOLVERS) {
    const type = schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
    if (!field) throw new Error(`No field ${typeName}.${fieldName} for its direct resolver`);
    // graphql-js passes the source, the coerced arguments and the context each entry declares.
    field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
  }
  return schema;
}

/**
 * Fields resolved by graphql-js directly, not through type-graphql's wrapper: the wrapper answers every
 * field with arguments by a promise (its argument validation is async even when off), so a tree's
 * children, already in hand, would cost a promise, a microtask and graphql-js's promiseForObject a node.
 */
const DIRECT_RESOLVERS: Array<[type: string, field: string, resolve: (...args: never[]) => unknown]> = [['Category', 'children', categoryChildren]];

/** The SDL committed as schema.graphql (sorted, so it diffs cleanly). */
export function printGatewaySchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

import type { GraphQLSchema } from 'graphql';
import { ErrorCode } from '../../domain/errorCode';
import { GatewayFault } from '../../domain/gatewayFault';
import type { CategoryNode } from '../category/CategoryType';
import { loadCategory } from '../category/loadCategory';
import type { SchemaContext } from '../context';
import { resolveId } from '../ids';
import { loadProduct } from '../product/loadProduct';
import type { ProductNode } from '../product/ProductType';

/** What a router sends for an entity: its type name and its key, the global id. */
export interface EntityReference {
  __typename: 'Category' | 'Product';
  id: string;
}

/**
 * `_entities` reference resolvers. They load through the request's loaders, so a router's batch of
 * representations costs what the same ids cost in `nodes`: one upstream read per batch where the
 * platform has one (Ecwid products: 100 a request), each id once. They are async so that a bad id
 * fails its own entry, not the whole batch (@apollo/subgraph calls them without catching).
 */
export const entityReferenceResolvers = {
  Category: {
    async __resolveReference(reference: EntityReference, ctx: SchemaContext): Promise<CategoryNode | null> {
      const { session, nativeId } = resolveId(ctx, reference.id, 'Category', ['id']);
      return loadCategory(session, nativeId);
    },
  },
  Product: {
    async __resolveReference(reference: EntityReference, ctx: SchemaContext): Promise<ProductNode | null> {
      const { session, nativeId } = resolveId(ctx, reference.id, 'Product', ['id']);
      return loadProduct(session, nativeId);
    },
  },
};

const ENTITY_TYPES: ReadonlySet<unknown> = new Set(Object.keys(entityReferenceResolvers));

/**
 * Makes `_entities` refuse each malformed representation as its own BAD_USER_INPUT entry: @apollo/subgraph
 * reads `__typename` off whatever it is given and throws a plain error (or a TypeError) for the whole batch
 * on anything but an object naming a known type. Well-formed ones are resolved as before, in their places.
 */
export function refuseMalformedRepresentations(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve) return;
  field.resolve = (source, args: { representations: unknown[] }, context, info) => {
    const faults = args.representations.map(representationFault);
    const valid = args.representations.filter((_, index) => !faults[index]);
    const resolved = resolve(source, { ...args, representations: valid }, context, info) as unknown[];
    let next = 0;
    // graphql-js makes an Error in a list its entry's error: the other entries still answer.
    return faults.map((fault) => fault ?? resolved[next++]);
  };
}

function representationFault(representation: unknown, index: number): GatewayFault | undefined {
  const { __typename, id } = (typeof representation === 'object' && representation !== null ? representation : {}) as Record<string, unknown>;
  if (ENTITY_TYPES.has(__typename) && typeof id === 'string') return undefined;
  return new GatewayFault(ErrorCode.BAD_USER_INPUT, `Representation ${index} must be an object with __typename Category or Product and a string id`, {
    field: ['representations', String(index)],
  });
}

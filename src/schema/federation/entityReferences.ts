import type { CategoryNode } from '../category/CategoryType';
import { loadCategory } from '../category/loadCategory';
import type { SchemaContext } from '../context';
import { resolveId } from '../ids';
import { loadProduct } from '../product/loadProduct';
import type { ProductNode } from '../product/ProductType';

/** What a router sends for an entity: its type name and its key, the global id. */
export interface EntityReference {
  __typename: string;
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

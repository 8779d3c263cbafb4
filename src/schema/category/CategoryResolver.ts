import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ErrorCode } from '../../domain/errorCode';
import { GatewayFault } from '../../domain/gatewayFault';
import type { Store } from '../../loaders/store';
import { AssignmentConnection, AssignmentNode } from '../assignment/AssignmentType';
import { pageWindow, toConnection } from '../common/pagination';
import type { SchemaContext } from '../context';
import { resolveId } from '../ids';
import { StoreType } from '../store/StoreType';
import { CategoryConnection } from './CategoryConnection';
import { CategoryFilterArgs, PageArgs } from './CategoryListArgs';
import { CategoryNode, categoryNode, CategoryType } from './CategoryType';
import { loadCategory } from './loadCategory';
import { categoryChildren, listCategories } from './listCategories';

/** Guards ancestor walks against a cycle in a platform's data. */
const MAX_DEPTH = 64;

@Resolver(() => CategoryType)
export class CategoryResolver {
  @Query(() => CategoryType, { nullable: true, description: 'Null when the category does not exist.' })
  async category(@Arg('id', () => ID) id: string, @Ctx() ctx: SchemaContext): Promise<CategoryNode | null> {
    const { session, nativeId } = resolveId(ctx, id, 'Category', ['id']);
    return loadCategory(session, nativeId);
  }

  @Query(() => CategoryConnection)
  categories(@Arg('storeId', () => ID) storeId: string, @Args() args: CategoryFilterArgs, @Ctx() ctx: SchemaContext) {
    return listCategories(ctx, ctx.sessions.forStore(storeId), args);
  }

  @FieldResolver(() => StoreType)
  store(@Root() category: CategoryNode, @Ctx() ctx: SchemaContext): Store {
    return ctx.sessions.forStore(category.storeId).store;
  }

  @FieldResolver(() => CategoryType, { nullable: true })
  async parent(@Root() category: CategoryNode, @Ctx() ctx: SchemaContext): Promise<CategoryNode | null> {
    if (!category.parentId) return null;
    const record = await ctx.sessions.forStore(category.storeId).categories.load(category.parentId);
    return record && categoryNode(category.storeId, record);
  }

  @FieldResolver(() => [CategoryType], { description: 'Root first, the category itself excluded.' })
  async ancestors(@Root() category: CategoryNode, @Ctx() ctx: SchemaContext): Promise<CategoryNode[]> {
    const session = ctx.sessions.forStore(category.storeId);
    if (category.ancestorIds) {
      // The platform named the whole chain (SFCC's paths): one batch, not one request per level.
      const records = await session.categories.loadMany(category.ancestorIds.slice(-MAX_DEPTH));
      return records.flatMap((record) => {
        if (record instanceof Error) throw record;
        return record ? [categoryNode(category.storeId, record)] : [];
      });
    }
    const chain: CategoryNode[] = [];
    for (let parentId = category.parentId; parentId && chain.length < MAX_DEPTH;) {
      const parent = await session.categories.load(parentId);
      if (!parent) break;
      chain.unshift(categoryNode(category.storeId, parent));
      parentId = parent.parentId;
    }
    return chain;
  }

  @FieldResolver(() => CategoryConnection)
  children(
    @Root() category: CategoryNode,
    @Args() { first, after }: PageArgs,
    @Arg('includeHidden', () => Boolean, { nullable: true, defaultValue: false }) includeHidden: boolean,
    @Ctx() ctx: SchemaContext,
  ) {
    return categoryChildren(category, { first, after, includeHidden }, ctx);
  }

  @FieldResolver(() => AssignmentConnection, { description: "Assigned products in the category's own order." })
  async products(@Root() category: CategoryNode, @Args() { first, after }: PageArgs, @Ctx() ctx: SchemaContext) {
    const { offset, limit } = pageWindow(first, after);
    const order = await ctx.sessions.forStore(category.storeId).productOrders.load(category.nativeId);
    if (!order) throw new GatewayFault(ErrorCode.CATEGORY_NOT_FOUND, `Category ${category.nativeId} no longer exists`);
    // Field by field, not spread: see categoryNode.
    const page: AssignmentNode[] = order.slice(offset, offset + limit).map(
      (assignment) =>
        ({
          storeId: category.storeId,
          categoryId: category.nativeId,
          productId: assignment.productId,
          position: assignment.position,
        }) satisfies Record<keyof AssignmentNode, unknown>,
    );
    return toConnection(page, offset, order.length);
  }
}

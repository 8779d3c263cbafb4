import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Store } from '../../loaders/store';
import { CategoryConnection } from '../category/CategoryConnection';
import { CategoryFilterArgs } from '../category/CategoryListArgs';
import { listCategories } from '../category/listCategories';
import type { SchemaContext } from '../context';
import { StoreType } from './StoreType';

@Resolver(() => StoreType)
export class StoreResolver {
  @Query(() => [StoreType])
  stores(@Ctx() ctx: SchemaContext): Store[] {
    return ctx.sessions.stores();
  }

  @Query(() => StoreType, { nullable: true })
  store(@Arg('id', () => ID) id: string, @Ctx() ctx: SchemaContext): Store | null {
    return ctx.sessions.store(id, ['id']);
  }

  @FieldResolver(() => CategoryConnection)
  categories(@Root() store: Store, @Args() args: CategoryFilterArgs, @Ctx() ctx: SchemaContext) {
    return listCategories(ctx, ctx.sessions.forStore(store.id), args);
  }
}

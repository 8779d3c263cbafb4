import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Store } from '../../platforms/storeRegistry';
import type { StoreCapabilities as Capabilities } from '../../platforms/port';
import { CategoryConnection } from '../category/CategoryConnection';
import { CategoryFilterArgs } from '../category/CategoryListArgs';
import { listCategories } from '../category/listCategories';
import { Platform } from '../common/enums';
import type { GatewayContext } from '../context';
import { StoreCapabilities } from './StoreCapabilities';
import { StoreType } from './StoreType';

@Resolver(() => StoreType)
export class StoreResolver {
  @Query(() => [StoreType])
  stores(@Ctx() ctx: GatewayContext): Store[] {
    return ctx.sessions.stores();
  }

  @Query(() => StoreType, { nullable: true })
  store(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Store | null {
    return ctx.sessions.store(id, ['id']);
  }

  @FieldResolver(() => Platform)
  platform(@Root() store: Store): Platform {
    return store.port.platform;
  }

  @FieldResolver(() => StoreCapabilities)
  capabilities(@Root() store: Store): Capabilities {
    return store.port.capabilities;
  }

  @FieldResolver(() => CategoryConnection)
  categories(@Root() store: Store, @Args() args: CategoryFilterArgs, @Ctx() ctx: GatewayContext) {
    return listCategories(ctx, ctx.sessions.forStore(store.id), args);
  }
}

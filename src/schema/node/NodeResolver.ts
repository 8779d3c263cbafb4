import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ErrorCode } from '../../domain/errorCode';
import { GatewayFault } from '../../domain/gatewayFault';
import type { CategoryNode } from '../category/CategoryType';
import { loadCategory } from '../category/loadCategory';
import { Node } from '../common/Node';
import type { SchemaContext } from '../context';
import { resolveId } from '../ids';
import { loadProduct } from '../product/loadProduct';
import type { ProductNode } from '../product/ProductType';

/** The most ids one `nodes` call takes: each may cost an upstream request. */
export const MAX_NODES = 100;

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: SchemaContext): Promise<CategoryNode | ProductNode | null> {
    return loadNode(ctx, id, ['id']);
  }

  @Query(() => [Node], { nullable: 'items' })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: SchemaContext): Array<Promise<CategoryNode | ProductNode | null>> {
    if (ids.length > MAX_NODES) {
      throw new GatewayFault(ErrorCode.BAD_USER_INPUT, `nodes takes at most ${MAX_NODES} ids; ask in pages`, { field: ['ids'] });
    }
    // One promise per id: a bad id fails its own entry, the others still answer.
    return ids.map((id, index) => loadNode(ctx, id, ['ids', String(index)]));
  }
}

async function loadNode(ctx: SchemaContext, id: string, field: string[]): Promise<CategoryNode | ProductNode | null> {
  const { session, nativeId, type } = resolveId(ctx, id, undefined, field);
  return type === 'Category' ? loadCategory(session, nativeId) : loadProduct(session, nativeId);
}

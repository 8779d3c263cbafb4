import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ErrorCode } from '../../domain/errorCode';
import { GatewayFault } from '../../domain/gatewayFault';
import { CategoryNode, categoryNode, CategoryType } from '../category/CategoryType';
import type { SchemaContext } from '../context';
import { ProductNode, productNode, ProductType } from '../product/ProductType';
import { AssignmentNode, AssignmentType } from './AssignmentType';

@Resolver(() => AssignmentType)
export class AssignmentResolver {
  @FieldResolver(() => CategoryType)
  async category(@Root() assignment: AssignmentNode, @Ctx() ctx: SchemaContext): Promise<CategoryNode> {
    const record = await ctx.sessions.forStore(assignment.storeId).categories.load(assignment.categoryId);
    if (!record) throw new GatewayFault(ErrorCode.CATEGORY_NOT_FOUND, `Category ${assignment.categoryId} no longer exists`);
    return categoryNode(assignment.storeId, record);
  }

  @FieldResolver(() => ProductType)
  async product(@Root() assignment: AssignmentNode, @Ctx() ctx: SchemaContext): Promise<ProductNode> {
    const record = await ctx.sessions.forStore(assignment.storeId).products.load(assignment.productId);
    return productNode(assignment.storeId, assignment.productId, record);
  }
}

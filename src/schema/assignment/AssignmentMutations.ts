import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { GatewayFault } from '../../domain/gatewayFault';
import type { StoreSession } from '../../loaders/storeSession';
import { lazyCategory } from '../category/loadCategory';
import type { UserError } from '../common/UserError';
import type { SchemaContext } from '../context';
import { isUserErrorFault, toUserError } from '../errors';
import { resolveId, resolveIdInStore } from '../ids';
import { mutationOutcome } from '../mutationOutcome';
import { toGlobalId } from '../../ids/globalId';
import { AssignProductsInput, MoveProductInput, UnassignProductsInput } from './assignmentInputs';
import { AssignProductsPayload, MoveProductPayload, UnassignProductsPayload } from './assignmentPayloads';

@Resolver()
export class AssignmentMutations {
  @Mutation(() => AssignProductsPayload)
  assignProducts(@Arg('input', () => AssignProductsInput) input: AssignProductsInput, @Ctx() ctx: SchemaContext): Promise<AssignProductsPayload> {
    return mutationOutcome<AssignProductsPayload>(input, { category: null, assignments: [] }, async () => {
      const { session, nativeId: categoryId } = resolveId(ctx, input.categoryId, 'Category', ['categoryId']);
      const products = productIdsOf(ctx, session, input.productIds);
      if (products.errors.length > 0) return { category: null, assignments: [], userErrors: products.errors };

      session.forgetCategory(categoryId);
      const outcome = await session.run((call) => session.port.assignProducts(categoryId, products.distinct, call));
      return {
        category: lazyCategory(session, categoryId),
        assignments: outcome.assignments.map((assignment) => ({ storeId: session.store.id, categoryId, ...assignment })),
        // Each failure names its product; the userError points at that product's first place in the input.
        userErrors: outcome.failures.map((fault) => toUserError(withInputIndex(fault, products.firstIndex))),
      };
    });
  }

  @Mutation(() => UnassignProductsPayload)
  unassignProducts(@Arg('input', () => UnassignProductsInput) input: UnassignProductsInput, @Ctx() ctx: SchemaContext): Promise<UnassignProductsPayload> {
    return mutationOutcome<UnassignProductsPayload>(input, { category: null, unassignedProductIds: [] }, async () => {
      const { session, nativeId: categoryId } = resolveId(ctx, input.categoryId, 'Category', ['categoryId']);
      const products = productIdsOf(ctx, session, input.productIds);
      if (products.errors.length > 0) return { category: null, unassignedProductIds: [], userErrors: products.errors };

      session.forgetCategory(categoryId);
      await session.run((call) => session.port.unassignProducts(categoryId, products.distinct, call));
      return {
        category: lazyCategory(session, categoryId),
        unassignedProductIds: products.distinct.map((id) => toGlobalId('Product', session.store.id, id)),
        userErrors: [],
      };
    });
  }

  @Mutation(() => MoveProductPayload)
  moveProduct(@Arg('input', () => MoveProductInput) input: MoveProductInput, @Ctx() ctx: SchemaContext): Promise<MoveProductPayload> {
    return mutationOutcome<MoveProductPayload>(input, { category: null, assignment: null }, async () => {
      const { session, nativeId: categoryId } = resolveId(ctx, input.categoryId, 'Category', ['categoryId']);
      const productId = resolveIdInStore(ctx, input.productId, 'Product', session, ['productId']);
      const move = session.operation('moveProduct');

      session.forgetCategory(categoryId);
      const moved = await session.run((call) => move(categoryId, productId, input.position, call));
      return {
        category: lazyCategory(session, categoryId),
        assignment: { storeId: session.store.id, categoryId, ...moved },
        userErrors: [],
      };
    });
  }
}

/** The input's product ids, parsed: distinct native ids in input order, and one userError per bad id. */
function productIdsOf(ctx: SchemaContext, session: StoreSession, ids: string[]) {
  const errors: UserError[] = [];
  const firstIndex = new Map<string, number>();
  ids.forEach((raw, index) => {
    try {
      const nativeId = resolveIdInStore(ctx, raw, 'Product', session, ['productIds', String(index)]);
      if (!firstIndex.has(nativeId)) firstIndex.set(nativeId, index);
    } catch (error) {
      // A store outside the client's (FORBIDDEN) fails the whole mutation, as everywhere.
      if (!isUserErrorFault(error)) throw error;
      errors.push(toUserError(error));
    }
  });
  return { distinct: [...firstIndex.keys()], firstIndex, errors };
}

function withInputIndex(fault: GatewayFault, firstIndex: Map<string, number>): GatewayFault {
  const index = fault.productId === undefined ? undefined : firstIndex.get(fault.productId);
  if (index === undefined) return fault;
  return new GatewayFault(fault.code, fault.message, { ...fault, field: ['productIds', String(index)] });
}

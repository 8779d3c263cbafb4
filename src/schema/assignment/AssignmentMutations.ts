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
        userErrors: productUserErrors(outcome.failures, products.firstIndex),
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
      const outcome = await session.run((call) => session.port.unassignProducts(categoryId, products.distinct, call));
      const failed = new Set(outcome.failures.map((fault) => fault.productId));
      return {
        category: lazyCategory(session, categoryId),
        unassignedProductIds: products.distinct.filter((id) => !failed.has(id)).map((id) => toGlobalId('Product', session.store.id, id)),
        userErrors: productUserErrors(outcome.failures, products.firstIndex),
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

/**
 * The port's per-product failures (a missing product, or one a write that stopped part-way did not apply)
 * as userErrors, each pointing at its product's first place in the input.
 */
function productUserErrors(failures: GatewayFault[], firstIndex: Map<string, number>): UserError[] {
  return failures.map((fault) => {
    const index = fault.productId === undefined ? undefined : firstIndex.get(fault.productId);
    return toUserError(index === undefined ? fault : new GatewayFault(fault.code, fault.message, { ...fault, field: ['productIds', String(index)] }));
  });
}

import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { ErrorCode } from '../../domain/errorCode';
import { GatewayFault } from '../../domain/gatewayFault';
import type { CategoryPatch } from '../../domain/records';
import type { SchemaContext } from '../context';
import { resolveId, resolveIdInStore } from '../ids';
import { mutationOutcome } from '../mutationOutcome';
import { CreateCategoryInput, DeleteCategoryImageInput, DeleteCategoryInput, SetCategoryImageInput, UpdateCategoryInput } from './categoryInputs';
import { CreateCategoryPayload, DeleteCategoryImagePayload, DeleteCategoryPayload, SetCategoryImagePayload, UpdateCategoryPayload } from './categoryPayloads';
import { categoryNode } from './CategoryType';
import { decodeImage } from './decodeImage';

@Resolver()
export class CategoryMutations {
  @Mutation(() => CreateCategoryPayload)
  createCategory(@Arg('input', () => CreateCategoryInput) input: CreateCategoryInput, @Ctx() ctx: SchemaContext): Promise<CreateCategoryPayload> {
    return mutationOutcome<CreateCategoryPayload>(input, { category: null }, async () => {
      const session = ctx.sessions.forStore(input.storeId, ['storeId']);
      const create = session.operation('createCategory');
      const parentId = input.parentId ? resolveIdInStore(ctx, input.parentId, 'Category', session, ['parentId']) : null;
      if (session.store.capabilities.createRequiresNativeId) {
        if (!input.nativeId) throw new GatewayFault(ErrorCode.BAD_USER_INPUT, `nativeId is required on ${session.store.platform} stores`, { field: ['nativeId'] });
        if (!session.port.isValidNativeId('Category', input.nativeId)) {
          throw new GatewayFault(ErrorCode.BAD_USER_INPUT, `nativeId is not a valid ${session.store.platform} category id`, { field: ['nativeId'] });
        }
      }

      session.forgetListings();
      const record = await session.run((call) => create({ ...input, parentId }, call));
      return { category: categoryNode(session.store.id, record), userErrors: [] };
    });
  }

  @Mutation(() => UpdateCategoryPayload)
  updateCategory(@Arg('input', () => UpdateCategoryInput) input: UpdateCategoryInput, @Ctx() ctx: SchemaContext): Promise<UpdateCategoryPayload> {
    return mutationOutcome<UpdateCategoryPayload>(input, { category: null }, async () => {
      const { session, nativeId: categoryId } = resolveId(ctx, input.categoryId, 'Category', ['categoryId']);
      const update = session.operation('updateCategory');
      const patch: CategoryPatch = {};
      if (input.name != null) patch.name = input.name;
      if (input.description !== undefined) patch.description = input.description;
      if (input.enabled != null) patch.enabled = input.enabled;
      if (input.position != null) patch.position = input.position;
      if (input.parentId !== undefined) {
        patch.parentId = input.parentId === null ? null : resolveIdInStore(ctx, input.parentId, 'Category', session, ['parentId']);
        if (patch.parentId === categoryId) throw new GatewayFault(ErrorCode.BAD_USER_INPUT, 'A category cannot be its own parent', { field: ['parentId'] });
      }
      if (Object.keys(patch).length === 0) {
        throw new GatewayFault(ErrorCode.BAD_USER_INPUT, 'Nothing to update: give name, description, enabled, parentId or position', { field: [] });
      }

      session.forgetCategory(categoryId);
      const record = await session.run((call) => update(categoryId, patch, call));
      return { category: categoryNode(session.store.id, record), userErrors: [] };
    });
  }

  @Mutation(() => DeleteCategoryPayload)
  deleteCategory(@Arg('input', () => DeleteCategoryInput) input: DeleteCategoryInput, @Ctx() ctx: SchemaContext): Promise<DeleteCategoryPayload> {
    return mutationOutcome<DeleteCategoryPayload>(input, { deletedCategoryId: null }, async () => {
      const { session, nativeId: categoryId } = resolveId(ctx, input.categoryId, 'Category', ['categoryId']);
      const remove = session.operation('deleteCategory');

      session.forgetCategory(categoryId);
      await session.run((call) => remove(categoryId, call));
      return { deletedCategoryId: input.categoryId, userErrors: [] };
    });
  }

  @Mutation(() => SetCategoryImagePayload)
  setCategoryImage(@Arg('input', () => SetCategoryImageInput) input: SetCategoryImageInput, @Ctx() ctx: SchemaContext): Promise<SetCategoryImagePayload> {
    return mutationOutcome<SetCategoryImagePayload>(input, { category: null }, async () => {
      const { session, nativeId: categoryId } = resolveId(ctx, input.categoryId, 'Category', ['categoryId']);
      const setImage = session.operation('setCategoryImage');
      const image = decodeImage(input.imageBase64);

      session.forgetCategory(categoryId);
      const record = await session.run((call) => setImage(categoryId, image, call));
      return { category: categoryNode(session.store.id, record), userErrors: [] };
    });
  }

  @Mutation(() => DeleteCategoryImagePayload)
  deleteCategoryImage(@Arg('input', () => DeleteCategoryImageInput) input: DeleteCategoryImageInput, @Ctx() ctx: SchemaContext): Promise<DeleteCategoryImagePayload> {
    return mutationOutcome<DeleteCategoryImagePayload>(input, { category: null }, async () => {
      const { session, nativeId: categoryId } = resolveId(ctx, input.categoryId, 'Category', ['categoryId']);
      const deleteImage = session.operation('deleteCategoryImage');

      session.forgetCategory(categoryId);
      const record = await session.run((call) => deleteImage(categoryId, call));
      return { category: categoryNode(session.store.id, record), userErrors: [] };
    });
  }
}

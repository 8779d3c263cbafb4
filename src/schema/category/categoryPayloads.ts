import { Field, ID, ObjectType } from 'type-graphql';
import { UserError } from '../common/UserError';
import { CategoryNode, CategoryType } from './CategoryType';

@ObjectType({ simpleResolvers: true })
export class CreateCategoryPayload {
  @Field(() => CategoryType, { nullable: true })
  category!: CategoryNode | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType({ simpleResolvers: true })
export class UpdateCategoryPayload {
  @Field(() => CategoryType, { nullable: true })
  category!: CategoryNode | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType({ simpleResolvers: true })
export class DeleteCategoryPayload {
  @Field(() => ID, { nullable: true })
  deletedCategoryId!: string | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType({ simpleResolvers: true })
export class SetCategoryImagePayload {
  @Field(() => CategoryType, { nullable: true })
  category!: CategoryNode | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType({ simpleResolvers: true })
export class DeleteCategoryImagePayload {
  @Field(() => CategoryType, { nullable: true })
  category!: CategoryNode | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

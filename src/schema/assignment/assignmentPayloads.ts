import { Field, ID, ObjectType } from 'type-graphql';
import { CategoryNode, CategoryType } from '../category/CategoryType';
import { UserError } from '../common/UserError';
import type { Lazy } from '../category/loadCategory';
import { AssignmentNode, AssignmentType } from './AssignmentType';

@ObjectType({ simpleResolvers: true })
export class AssignProductsPayload {
  @Field(() => CategoryType, { nullable: true })
  category!: CategoryNode | null | Lazy<CategoryNode | null>;

  @Field(() => [AssignmentType])
  assignments!: AssignmentNode[];

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType({ simpleResolvers: true })
export class UnassignProductsPayload {
  @Field(() => CategoryType, { nullable: true })
  category!: CategoryNode | null | Lazy<CategoryNode | null>;

  @Field(() => [ID])
  unassignedProductIds!: string[];

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType({ simpleResolvers: true })
export class MoveProductPayload {
  @Field(() => CategoryType, { nullable: true })
  category!: CategoryNode | null | Lazy<CategoryNode | null>;

  @Field(() => AssignmentType, { nullable: true })
  assignment!: AssignmentNode | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

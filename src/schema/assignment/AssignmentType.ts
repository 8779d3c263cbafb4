import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/PageInfo';

/** An assignment as resolvers pass it: category and product are loaded only when asked for. */
export interface AssignmentNode {
  storeId: string;
  categoryId: string;
  productId: string;
  position: number | null;
}

@ObjectType('CategoryProductAssignment', { simpleResolvers: true })
export class AssignmentType {
  @Field(() => Int, {
    nullable: true,
    description: "Zero-based index in the category's product order; null where the platform keeps the product unpositioned.",
  })
  position!: number | null;
}

@ObjectType('CategoryProductAssignmentEdge', { simpleResolvers: true })
export class AssignmentEdge {
  @Field()
  cursor!: string;

  @Field(() => AssignmentType)
  node!: AssignmentNode;
}

@ObjectType('CategoryProductAssignmentConnection', { simpleResolvers: true })
export class AssignmentConnection {
  @Field(() => [AssignmentEdge])
  edges!: AssignmentEdge[];

  @Field(() => [AssignmentType])
  nodes!: AssignmentNode[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { nullable: true })
  totalCount!: number | null;
}

import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/PageInfo';
import { CategoryNode, CategoryType } from './CategoryType';

@ObjectType({ simpleResolvers: true })
export class CategoryEdge {
  @Field()
  cursor!: string;

  @Field(() => CategoryType)
  node!: CategoryNode;
}

@ObjectType({ simpleResolvers: true })
export class CategoryConnection {
  @Field(() => [CategoryEdge])
  edges!: CategoryEdge[];

  @Field(() => [CategoryType])
  nodes!: CategoryNode[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { nullable: true })
  totalCount!: number | null;
}

import { ArgsType, Field, ID, Int } from 'type-graphql';

/** Paging arguments of every connection field. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

/** How Store.categories and Query.categories filter a store's categories. */
@ArgsType()
export class CategoryFilterArgs {
  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  rootsOnly!: boolean;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  includeHidden!: boolean;

  @Field(() => Int, { nullable: true, defaultValue: 50 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

import { Field, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true })
export class StoreCapabilities {
  @Field()
  moveProduct!: boolean;

  @Field()
  createCategory!: boolean;

  @Field()
  updateCategory!: boolean;

  @Field()
  deleteCategory!: boolean;

  @Field()
  categoryImages!: boolean;

  @Field({ description: 'createCategory needs input.nativeId: the platform lets the caller choose category ids (SFCC).' })
  createRequiresNativeId!: boolean;
}

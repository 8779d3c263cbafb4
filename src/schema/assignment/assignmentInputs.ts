import { ArrayMaxSize, ArrayNotEmpty, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

/** The most product ids one assign/unassign takes (Ecwid's 2000 per call are split by the adapter). */
export const MAX_PRODUCT_IDS_PER_MUTATION = 10_000;

/** A category and the products an assign or unassign names (not in the schema itself: only its subclasses are used). */
@InputType()
abstract class CategoryProductsInput {
  @Field(() => ID)
  categoryId!: string;

  @Field(() => [ID])
  @ArrayNotEmpty({ message: 'productIds must name at least one product' })
  @ArrayMaxSize(MAX_PRODUCT_IDS_PER_MUTATION, { message: `productIds may name at most ${MAX_PRODUCT_IDS_PER_MUTATION} products` })
  productIds!: string[];
}

@InputType()
export class AssignProductsInput extends CategoryProductsInput {}

@InputType()
export class UnassignProductsInput extends CategoryProductsInput {}

@InputType()
export class MoveProductInput {
  @Field(() => ID)
  categoryId!: string;

  @Field(() => ID)
  productId!: string;

  @Field(() => Int, { description: 'Zero-based target index; at or past the end moves the product last.' })
  @Min(0, { message: 'position must be 0 or more' })
  position!: number;
}

import { IsOptional, Matches, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';

const NOT_BLANK = /\S/;
/** No lone surrogate: such text can be neither encoded into a URL nor stored as the user meant it. */
const WELL_FORMED = /^\P{Cs}*$/u;
const WELL_FORMED_MESSAGE = (field: string) => ({ message: `${field} must be well-formed Unicode (it has a lone surrogate)` });

@InputType()
export class CreateCategoryInput {
  @Field(() => ID)
  storeId!: string;

  @Field()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @Matches(WELL_FORMED, WELL_FORMED_MESSAGE('name'))
  @MaxLength(255, { message: 'name may have at most 255 characters' })
  name!: string;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(WELL_FORMED, WELL_FORMED_MESSAGE('description'))
  @MaxLength(65_535, { message: 'description may have at most 65535 characters' })
  description?: string | null;

  @Field(() => Boolean, { nullable: true })
  enabled?: boolean | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0, { message: 'position must be 0 or more' })
  position?: number | null;

  @Field(() => String, { nullable: true, description: 'Required on SFCC, where the caller chooses the category id; ignored elsewhere.' })
  @IsOptional()
  @Matches(WELL_FORMED, WELL_FORMED_MESSAGE('nativeId'))
  @MaxLength(256, { message: 'nativeId may have at most 256 characters' })
  nativeId?: string | null;
}

@InputType({ description: 'Fields left out keep their value; parentId: null makes the category a root.' })
export class UpdateCategoryInput {
  @Field(() => ID)
  categoryId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @Matches(WELL_FORMED, WELL_FORMED_MESSAGE('name'))
  @MaxLength(255, { message: 'name may have at most 255 characters' })
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(WELL_FORMED, WELL_FORMED_MESSAGE('description'))
  @MaxLength(65_535, { message: 'description may have at most 65535 characters' })
  description?: string | null;

  @Field(() => Boolean, { nullable: true })
  enabled?: boolean | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0, { message: 'position must be 0 or more' })
  position?: number | null;
}

@InputType()
export class DeleteCategoryInput {
  @Field(() => ID)
  categoryId!: string;
}

@InputType({ description: "Replaces the category's image (platforms with capabilities.categoryImages)." })
export class SetCategoryImageInput {
  @Field(() => ID)
  categoryId!: string;

  @Field({ description: 'The image file (PNG, JPEG, GIF or WebP) in base64, optionally as a data: URL. Bounded by the server body limit.' })
  imageBase64!: string;
}

@InputType()
export class DeleteCategoryImageInput {
  @Field(() => ID)
  categoryId!: string;
}

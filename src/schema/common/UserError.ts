import { Field, ObjectType } from 'type-graphql';
import { ErrorCode } from './enums';

@ObjectType({ simpleResolvers: true })
export class UserError {
  @Field(() => ErrorCode)
  code!: ErrorCode;

  @Field()
  message!: string;

  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, e.g. ["input", "productIds", "2"].' })
  field!: string[] | null;

  @Field()
  retryable!: boolean;
}

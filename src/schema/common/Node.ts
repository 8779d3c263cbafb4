import { Field, ID, InterfaceType } from 'type-graphql';

/** Objects that carry a global id; `kind` tells `node` which type an object is. */
@InterfaceType({ resolveType: (value: { kind: string }) => value.kind })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}

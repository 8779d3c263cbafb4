import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { CategoryRecord } from '../../domain/records';
import { toGlobalId } from '../../ids/globalId';
import { Node } from '../common/Node';

/** A category as resolvers pass it around: the adapter's record, its store and its global id. */
export interface CategoryNode extends CategoryRecord {
  kind: 'Category';
  id: string;
  storeId: string;
}

export function categoryNode(storeId: string, record: CategoryRecord): CategoryNode {
  return { ...record, kind: 'Category', id: toGlobalId('Category', storeId, record.nativeId), storeId };
}

@ObjectType('Category', { implements: Node, simpleResolvers: true })
export class CategoryType extends Node {
  @Field({ description: "The platform's own id: Ecwid's number as a string, SFCC's category_id, Zaveit's _id." })
  nativeId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field()
  enabled!: boolean;

  @Field(() => Float, { nullable: true, description: 'Sort order among siblings (Ecwid orderBy, SFCC position).' })
  position!: number | null;

  @Field(() => Int, { nullable: true })
  productCount!: number | null;

  @Field(() => String, { nullable: true })
  imageUrl!: string | null;

  @Field(() => String, { nullable: true })
  thumbnailUrl!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

}

import { Field, ObjectType } from 'type-graphql';
import type { ProductRecord } from '../../domain/records';
import { toGlobalId } from '../../ids/globalId';
import { Node } from '../common/Node';

export interface ProductNode extends ProductRecord {
  kind: 'Product';
  id: string;
  storeId: string;
}

/** A product; one the platform no longer has keeps its id with no sku or name. */
export function productNode(storeId: string, nativeId: string, record: ProductRecord | null): ProductNode {
  // Field by field, not spread: see categoryNode.
  return {
    nativeId,
    sku: record?.sku ?? null,
    name: record?.name ?? null,
    kind: 'Product' as const,
    id: toGlobalId('Product', storeId, nativeId),
    storeId,
  } satisfies Record<keyof ProductNode, unknown>;
}

@ObjectType('Product', { implements: Node, simpleResolvers: true })
export class ProductType extends Node {
  @Field()
  nativeId!: string;

  @Field(() => String, { nullable: true })
  sku!: string | null;

  @Field(() => String, { nullable: true })
  name!: string | null;
}

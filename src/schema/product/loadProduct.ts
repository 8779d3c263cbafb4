import type { StoreSession } from '../../loaders/storeSession';
import { ProductNode, productNode } from './ProductType';

/** A product by native id through the request's loaders; null when it does not exist. */
export async function loadProduct(session: StoreSession, nativeId: string): Promise<ProductNode | null> {
  const record = await session.products.load(nativeId);
  return record && productNode(session.store.id, nativeId, record);
}

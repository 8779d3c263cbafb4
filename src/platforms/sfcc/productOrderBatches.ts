import DataLoader from 'dataloader';
import { Answer, Carried } from '../../domain/carried';
import type { AssignmentRecord } from '../../domain/records';
import { MemoKey } from '../../util/requestMemo';
import type { CallContext } from '../port';
import { SFCC_CATEGORIES_PER_SEARCH } from './wire';

type ProductOrder = Answer<AssignmentRecord[] | null>;

const BATCHES = new MemoKey<DataLoader<string, ProductOrder>>('SFCC product order batches');

/** Several categories' product orders (null where the category does not exist), with what their reads carried. */
export type ProductOrdersReader = (categoryIds: readonly string[], carried: Carried) => Promise<Array<AssignmentRecord[] | null>>;

/**
 * The request's product-order reads, batched: the categories asked for in one tick (the session asks for
 * a page of categories' products at once) share one assignment search (docs/platforms/sfcc.md#reads-by-id).
 * The request's reads share one call context, so the first one's serves the batch. Nothing is cached
 * here: the session's loaders cache, and a read after a write must go upstream again.
 */
export function productOrderBatches(ctx: CallContext, read: ProductOrdersReader): DataLoader<string, ProductOrder> {
  const batches = ctx.memo.get(BATCHES);
  if (batches) return batches;
  const loader = new DataLoader<string, ProductOrder>(
    async (categoryIds) => {
      const carried = new Carried();
      const orders = await read(categoryIds, carried);
      // Everything the batch carried goes with the first answer; the session takes all of them in together.
      return orders.map((order, index) => (index === 0 ? carried : new Carried()).answer(order));
    },
    { cache: false, maxBatchSize: SFCC_CATEGORIES_PER_SEARCH },
  );
  return ctx.memo.set(BATCHES, loader);
}

import { Answer, Carried } from '../domain/carried';
import type { WriteTags } from '../cache/entityTags';
import type { AssignmentRecord, CategoryListQuery, CategoryRecord, Page, ProductRecord } from '../domain/records';
import type { CallContext, CatalogPort } from '../platforms/port';

/**
 * How a store session reaches its store for one request: straight to the port, or through the entity
 * cache. Every read answers with what its upstream answers carried besides (nothing for what a cache
 * held); every write runs through `write`, told the tags it touches.
 */
export interface StoreReads {
  categories(ids: readonly string[]): Promise<Answer<Array<CategoryRecord | null>>>;
  categoryProducts(ids: readonly string[]): Promise<Answer<Array<AssignmentRecord[] | null>>>;
  products(ids: readonly string[]): Promise<Answer<Array<ProductRecord | null>>>;
  listCategories(query: CategoryListQuery): Promise<Answer<Page<CategoryRecord>>>;
  write<T>(tags: WriteTags<T>, work: () => Promise<Answer<T>>): Promise<Answer<T>>;
  /** The entity-cache tags of everything read so far (none without the cache). */
  readTags(): string[];
}

/** Every read goes upstream: the entity cache is off. */
export class DirectReads implements StoreReads {
  constructor(
    private readonly port: CatalogPort,
    private readonly call: CallContext,
  ) {}

  categories(ids: readonly string[]) {
    return this.port.getCategories(ids, this.call);
  }

  categoryProducts(ids: readonly string[]) {
    return productOrdersOf(this.port, ids, this.call);
  }

  products(ids: readonly string[]) {
    return this.port.getProducts(ids, this.call);
  }

  listCategories(query: CategoryListQuery) {
    return this.port.listCategories(query, this.call);
  }

  write<T>(_tags: WriteTags<T>, work: () => Promise<Answer<T>>): Promise<Answer<T>> {
    return work();
  }

  readTags(): string[] {
    return [];
  }
}

/** Several categories' product orders, one port call each (no platform reads them in one), their carried records together. */
export async function productOrdersOf(port: CatalogPort, ids: readonly string[], call: CallContext): Promise<Answer<Array<AssignmentRecord[] | null>>> {
  const answers = await Promise.all(ids.map((id) => port.getCategoryProducts(id, call)));
  return mergeAnswers(answers);
}

/** Answers of several calls as one: their values in order, everything they carried together. */
function mergeAnswers<T>(answers: Array<Answer<T>>): Answer<T[]> {
  const carried = new Carried();
  for (const answer of answers) carried.add(answer.carried);
  return { value: answers.map((answer) => answer.value), carried };
}

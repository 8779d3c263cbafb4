import type { AssignmentRecord, CategoryRecord, ProductRecord } from './records';

/** A parent's complete list of children, in sibling order. */
export interface ChildList {
  parentId: string;
  children: CategoryRecord[];
  /** Whether hidden children are in the list (a list without them cannot answer includeHidden). */
  includesHidden: boolean;
}

/** A category's product order, as a whole. */
export interface ProductOrder {
  categoryId: string;
  assignments: AssignmentRecord[];
}

/**
 * What one catalog call read beyond what it was asked (an SFCC `levels` read carries the children, an
 * Ecwid category read its product order, a Zaveit listing everything): the adapter collects it while it
 * works and returns it with its answer; the loaders prime themselves with it, so the request never
 * fetches it again.
 */
export class Carried {
  readonly categories: CategoryRecord[] = [];
  readonly childLists: ChildList[] = [];
  readonly productOrders: ProductOrder[] = [];
  readonly products: ProductRecord[] = [];

  category(record: CategoryRecord): void {
    this.categories.push(record);
  }

  /** The complete list of a category's children ('' for the roots), in sibling order. */
  categoryChildren(parentId: string, children: CategoryRecord[], includesHidden: boolean): void {
    this.childLists.push({ parentId, children, includesHidden });
  }

  categoryProducts(categoryId: string, assignments: AssignmentRecord[]): void {
    this.productOrders.push({ categoryId, assignments });
  }

  product(record: ProductRecord): void {
    this.products.push(record);
  }

  /** Takes in what another call carried. */
  add(other: Carried): void {
    this.categories.push(...other.categories);
    this.childLists.push(...other.childLists);
    this.productOrders.push(...other.productOrders);
    this.products.push(...other.products);
  }

  /** The call's answer: `value`, with everything carried. */
  answer<T>(value: T): Answer<T> {
    return { value, carried: this };
  }
}

/** A catalog call's answer and the records its upstream answers carried besides. */
export interface Answer<T> {
  value: T;
  carried: Carried;
}

/**
 * Zaveit API v2 wire shapes, key for key and in key order as the vendor documents them
 * (https://docs.zaveit.io/docs/api/products/category/add-products-to-category; docs/platforms/zaveit.md).
 */

/** One entry of a product's price list; terms and periods are in hours (720 = a month, 8640 = a year). */
export interface ZaveitPrice {
  subscription_term: number;
  payment_period: number;
  amount: { default: number; min: number };
  price: number;
  _id: string;
}

export interface ZaveitDistributor {
  _id: string;
  name: string;
  tenant: string;
  active: boolean;
  created: string;
  updated: string;
}

/**
 * A product as Zaveit embeds it in a category. The vendor's examples leave out `consumption`,
 * `distributor`, `ingress` and `managementLink` on products without a distributor, so those are optional.
 */
export interface ZaveitProduct {
  _id: string;
  subscription: boolean;
  services: unknown[];
  integrations: unknown[];
  categories: string[];
  stock: number;
  shop_enabled: boolean;
  status: { active: boolean; deleted: boolean };
  sku: string;
  keys: unknown[];
  media: string[];
  country: { code: string; _id: string };
  currency: { code: string; _id: string };
  tenant: string;
  type: number;
  name: string;
  description: string;
  integration: unknown[];
  reference: string | null;
  resell: boolean;
  msp: boolean;
  group_id: string;
  customInputs: unknown[];
  created: string;
  updated: string;
  consumption?: { metadata: Record<string, unknown> };
  distributor?: ZaveitDistributor;
  ingress?: string;
  managementLink?: { title: string; url: string };
  stock_status: string;
  sales_channel: string;
  products: ZaveitPrice[];
}

/** What add and remove answer: the category with its products embedded. */
export interface ZaveitCategoryBody {
  _id: string;
  name: string;
  products: ZaveitProduct[];
}

/** What the (assumed) GET endpoints answer: the same, plus the parent's id (null for a root). */
export interface ZaveitCategoryWithParent {
  _id: string;
  name: string;
  parent: string | null;
  products: ZaveitProduct[];
}

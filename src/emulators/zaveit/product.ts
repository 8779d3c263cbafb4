import { randomUUID } from 'node:crypto';
import type { ZaveitDistributor, ZaveitPrice, ZaveitProduct } from './types';

/** Zaveit counts terms and payment periods in hours. */
export const HOURS_PER_MONTH = 720;
export const HOURS_PER_YEAR = 8640;

/** What varies between products; everything else takes the values of the vendor's examples. */
export interface ProductSpec {
  tenant: string;
  name: string;
  sku: string;
  /** NOK per payment period on a one-year term, billed monthly (the vendor's example term). */
  price: number;
  /** Adds a month-to-month price entry, as Microsoft's NCE licenses have. */
  monthlyPrice?: number;
  subscription?: boolean;
  /** Units in stock for physical goods; absent for licenses and services, which are never out of stock. */
  stock?: number;
  description?: string;
  /** Resold products carry their distributor; the vendor's examples omit the block for the others. */
  distributor?: ZaveitDistributor;
  managementLink?: { title: string; url: string };
  shopEnabled?: boolean;
  media?: string[];
  created?: string;
  updated?: string;
}

/** A product in the vendor's full shape, with fresh ids from `newId` (random unless a demo seeds it). */
export function buildProduct(spec: ProductSpec, newId: () => string = randomUUID): ZaveitProduct {
  const created = spec.created ?? new Date().toISOString();
  const prices: ZaveitPrice[] = [priceEntry(HOURS_PER_YEAR, spec.price, newId())];
  if (spec.monthlyPrice !== undefined) prices.push(priceEntry(HOURS_PER_MONTH, spec.monthlyPrice, newId()));
  const resold = spec.distributor
    ? {
        consumption: { metadata: {} },
        distributor: { ...spec.distributor },
        ingress: '',
        managementLink: spec.managementLink ?? { title: '', url: '' },
      }
    : {};
  return {
    _id: newId(),
    subscription: spec.subscription ?? false,
    services: [],
    integrations: [],
    categories: [],
    stock: spec.stock ?? 0,
    shop_enabled: spec.shopEnabled ?? true,
    status: { active: true, deleted: false },
    sku: spec.sku,
    keys: [],
    media: spec.media ?? [],
    country: { code: 'NO', _id: newId() },
    currency: { code: 'NOK', _id: newId() },
    tenant: spec.tenant,
    type: 3,
    name: spec.name,
    description: spec.description ?? '',
    integration: [],
    reference: null,
    // The vendor's examples say false even for a product with a distributor; what makes them true is undocumented.
    resell: false,
    msp: false,
    group_id: newId(),
    customInputs: [],
    created,
    updated: spec.updated ?? created,
    ...resold,
    stock_status: spec.stock === undefined || spec.stock > 0 ? 'In stock' : 'Backorder',
    sales_channel: 'Shop',
    products: prices,
  };
}

function priceEntry(term: number, price: number, _id: string): ZaveitPrice {
  return { subscription_term: term, payment_period: HOURS_PER_MONTH, amount: { default: 1, min: 0 }, price, _id };
}

import type { CategoryFields, Localized, SfccAssignment, SfccCatalog, SfccCategory, SfccProduct } from './catalog';
import { categoryInvalid, OCAPI_VERSION, SfccFault } from './fault';

/** What rendering needs besides the state: links and image URLs point at the host the client called. */
export interface DocumentContext {
  catalog: SfccCatalog;
  /** e.g. http://127.0.0.1:41234/s/-/dw/data/v23_2/catalogs/main-catalog */
  catalogUrl: string;
  origin: string;
}

export type JsonObject = Record<string, unknown>;

/**
 * A `category` document as the Data API documents it (docs/platforms/sfcc.md#endpoints); `levels` > 0 nests `categories` that deep. OCAPI leaves out
 * empty values, so a leaf has no `categories` and the root no `parent_category_id`.
 */
export function categoryDocument(ctx: DocumentContext, category: SfccCategory, levels: number, topLevel = true): JsonObject {
  const children = levels > 0 ? ctx.catalog.childrenOf(category.id) : [];
  return compact({
    _v: topLevel ? OCAPI_VERSION : undefined,
    _resource_state: category.resourceState,
    _type: 'category',
    categories: children.length > 0 ? children.map((child) => categoryDocument(ctx, child, levels - 1, false)) : undefined,
    creation_date: category.creationDate,
    description: nonEmpty(category.description),
    id: category.id,
    image: category.image && staticUrl(ctx, category.image),
    last_modified: category.lastModified,
    link: `${ctx.catalogUrl}/categories/${encodeURIComponent(category.id)}`,
    name: nonEmpty(category.name),
    online: category.online,
    parent_category_id: category.parentId ?? undefined,
    paths: [
      { _type: 'path_record', id: ctx.catalog.id, name: ctx.catalog.name },
      ...ctx.catalog.pathTo(category.id).map((step) => ({ _type: 'path_record', id: step.id, name: step.name })),
    ],
    position: category.position ?? undefined,
    thumbnail: category.thumbnail && staticUrl(ctx, category.thumbnail),
  });
}

/** A `category_product_assignment` document; an unpositioned assignment has no `position` (the Data API's GET sample). */
export function assignmentDocument(ctx: DocumentContext, assignment: SfccAssignment, topLevel = true): JsonObject {
  const product = ctx.catalog.findProduct(assignment.productId);
  return compact({
    _v: topLevel ? OCAPI_VERSION : undefined,
    _resource_state: assignment.resourceState,
    _type: 'category_product_assignment',
    catalog_id: ctx.catalog.id,
    category_id: assignment.categoryId,
    creation_date: assignment.creationDate,
    link: assignmentUrl(ctx, assignment.categoryId, assignment.productId),
    owning_catalog_name: ctx.catalog.name,
    position: assignment.position ?? undefined,
    product_id: assignment.productId,
    product_name: product && nonEmpty(product.name),
  });
}

/**
 * A `product` document, *assumed* (docs/platforms/sfcc.md#assumptions): the Data API's `GET /products/{id}`
 * with the fields the gateway reads (`id`, localized `name`).
 */
export function productDocument(ctx: DocumentContext, product: SfccProduct): JsonObject {
  return compact({
    _v: OCAPI_VERSION,
    _type: 'product',
    id: product.id,
    link: `${ctx.catalogUrl.replace(/\/catalogs\/[^/]*$/, '')}/products/${encodeURIComponent(product.id)}`,
    name: nonEmpty(product.name),
  });
}

export function assignmentUrl(ctx: DocumentContext, categoryId: string, productId: string): string {
  return `${ctx.catalogUrl}/categories/${encodeURIComponent(categoryId)}/products/${encodeURIComponent(productId)}`;
}

export interface CategoryBody {
  fields: CategoryFields;
  resourceState?: string;
}

/**
 * Reads a category request document. Localized fields may be a plain string (the Data API's request sample,
 * stored as the `default` locale) or a `{locale: text}` object. A body `id` must match the URL's.
 */
export function readCategoryBody(body: JsonObject, catalogId: string, categoryId: string): CategoryBody {
  const invalid = (field: string) => categoryInvalid(catalogId, categoryId, field);
  checkIdMatches(body.id, categoryId);
  const localized = (field: string): Localized | undefined => {
    const value = body[field];
    if (value === undefined) return undefined;
    if (typeof value === 'string') return { default: value };
    if (isObject(value) && Object.values(value).every((text) => typeof text === 'string')) return value as Localized;
    throw invalid(field);
  };
  const typed = <T>(field: string, ok: (value: unknown) => boolean): T | undefined => {
    const value = body[field];
    if (value === undefined) return undefined;
    if (!ok(value)) throw invalid(field);
    return value as T;
  };
  const fields: CategoryFields = {
    name: localized('name'),
    description: localized('description'),
    online: typed<boolean>('online', (value) => typeof value === 'boolean'),
    parentId: typed<string>('parent_category_id', isNonEmptyString),
    position: typed<number | null>('position', (value) => value === null || Number.isFinite(value)),
    image: typed<string>('image', (value) => typeof value === 'string'),
    thumbnail: typed<string>('thumbnail', (value) => typeof value === 'string'),
  };
  return { fields, resourceState: typed<string>('_resource_state', (value) => typeof value === 'string') };
}

export interface AssignmentBody {
  /** undefined: the body has no `position`; null: explicitly none. */
  position?: number | null;
  resourceState?: string;
}

/** Reads a category_product_assignment request document; ids in it must match the URL's. */
export function readAssignmentBody(body: JsonObject, catalogId: string, categoryId: string, productId: string): AssignmentBody {
  checkIdMatches(body.catalog_id, catalogId);
  checkIdMatches(body.category_id, categoryId);
  checkIdMatches(body.product_id, productId);
  const { position, _resource_state: resourceState } = body;
  if (position !== undefined && position !== null && !Number.isFinite(position)) throw malformed('position', position);
  if (resourceState !== undefined && typeof resourceState !== 'string') throw malformed('_resource_state', resourceState);
  return { position: position as number | null | undefined, resourceState };
}

export function malformed(parameter: string, value: unknown): SfccFault {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return new SfccFault('MalformedParameterException', `The value '${text}' of parameter '${parameter}' is malformed.`, { parameter, value: text });
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkIdMatches(bodyId: unknown, urlId: string): void {
  if (bodyId === undefined || bodyId === urlId) return;
  const text = String(bodyId);
  throw new SfccFault('IdConflictException', `The ID in the request body ('${text}') does not match the ID in the URL ('${urlId}').`, {
    bodyID: text,
    urlID: urlId,
  });
}

function isNonEmptyString(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}

/** Image fields are stored as given (`demandware.jpg`) and served as static URLs, as the Data API's samples show. */
function staticUrl(ctx: DocumentContext, file: string): string {
  if (/^https?:\/\//.test(file)) return file;
  return `${ctx.origin}/on/demandware.static/-/Sites-${ctx.catalog.id}/default/${encodeURI(file)}`;
}

function nonEmpty(localized: Localized): Localized | undefined {
  return Object.keys(localized).length > 0 ? localized : undefined;
}

/** OCAPI omits properties without a value rather than sending null. */
function compact(document: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(document).filter(([, value]) => value !== undefined));
}

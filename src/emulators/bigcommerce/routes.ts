import { EmulatorHttpError, EmulatorRequest, EmulatorRoute } from '../kit';
import { detectImageType } from '../../util/imageType';
import { BigCommerceCatalog, BatchResult, CategoryFilter, ERROR_TYPE, ItemErrors } from './catalog';
import { parseMultipart } from './multipart';
import { categoryToWire, productToWire, selectFields, treeToWire } from './wire';

/** `limit` when none is given, and the largest one served (docs/platforms/bigcommerce.md#paging). */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 250;
/** "Limit image size to 1MB" (docs/platforms/bigcommerce.md#images). */
export const MAX_IMAGE_BYTES = 1024 * 1024;

/** Where a store's API lives: `/stores/{store_hash}/v3` (docs/platforms/bigcommerce.md). */
export const storeBasePath = (storeHash: string) => `/stores/${storeHash}/v3`;

/**
 * Error bodies differ by API family (docs/platforms/bigcommerce.md#faults): the tree endpoints nest the error object
 * under `errors` beside a `meta`; the products and category endpoints answer it flat.
 */
const treesError = (status: number, title: string, errors: ItemErrors = {}, meta = { total: 0, success: 0, failed: 0 }) =>
  new EmulatorHttpError(status, { errors: { status, title, type: ERROR_TYPE, errors }, meta });
const flatError = (status: number, title: string, errors?: ItemErrors) => new EmulatorHttpError(status, { status, title, type: ERROR_TYPE, ...(errors && { errors }) });
type ErrorFactory = (status: number, title: string, errors?: ItemErrors) => EmulatorHttpError;

/** BigCommerce Catalog API v3 routes (docs/platforms/bigcommerce.md#endpoints), under /stores/{store_hash}/v3. */
export function bigCommerceRoutes(catalog: BigCommerceCatalog, storeHash: string): EmulatorRoute[] {
  const base = `${storeBasePath(storeHash)}/catalog`;
  const existingCategory = (req: EmulatorRequest) => {
    const id = pathId(req.params.categoryId);
    const category = id === undefined ? undefined : catalog.category(id);
    if (!category) throw flatError(404, `Category ${req.params.categoryId} not found`);
    return category;
  };

  return [
    {
      method: 'GET',
      path: `${base}/trees`,
      handler: (req) => {
        const ids = idList(req, 'id:in', treesError);
        const trees = [...catalog.trees.values()].filter((tree) => !ids || ids.includes(tree.id)).sort((a, b) => a.id - b.id);
        return { body: page(req, trees, (tree) => ({ ...tree, channels: [...tree.channels] }), treesError) };
      },
    },
    {
      method: 'GET',
      path: `${base}/trees/:treeId/categories`,
      handler: (req) => {
        const treeId = pathId(req.params.treeId) ?? -1;
        const depth = req.query.has('depth') ? integerParam(req, 'depth', treesError, 1) : undefined;
        return { body: { data: treeToWire(catalog, catalog.tree(treeId), depth), meta: {} } };
      },
    },
    {
      method: 'GET',
      path: `${base}/trees/categories`,
      handler: (req) => {
        const filter: CategoryFilter = {
          categoryIds: idList(req, 'category_id:in', treesError),
          notCategoryIds: idList(req, 'category_id:not_in', treesError),
          treeIds: idList(req, 'tree_id:in', treesError),
          notTreeIds: idList(req, 'tree_id:not_in', treesError),
          parentIds: idList(req, 'parent_id:in', treesError),
          notParentIds: idList(req, 'parent_id:not_in', treesError),
          name: req.query.get('name') ?? undefined,
          nameLike: req.query.get('name:like') ?? undefined,
          isVisible: booleanParam(req, 'is_visible', treesError),
        };
        const include = fieldList(req, 'include_fields');
        const exclude = fieldList(req, 'exclude_fields');
        return { body: page(req, catalog.list(filter), (c) => selectFields(categoryToWire(c), 'category_id', include, exclude), treesError) };
      },
    },
    {
      method: 'POST',
      path: `${base}/trees/categories`,
      handler: (req) => {
        const result = catalog.createCategories(arrayBody(req, treesError, 'categories'));
        return batchReply(result, 201, { data: result.applied.map(categoryToWire) }, 'The categories were not valid', 'Some categories were not created');
      },
    },
    {
      method: 'PUT',
      path: `${base}/trees/categories`,
      handler: (req) => {
        const result = catalog.updateCategories(arrayBody(req, treesError, 'categories'));
        return batchReply(result, 200, {}, 'The categories were not valid', 'Some categories were not updated');
      },
    },
    {
      method: 'DELETE',
      path: `${base}/trees/categories`,
      handler: (req) => {
        const uuids = req.query.get('category_uuid:in')?.split(',');
        const byUuid = uuids && [...catalog.categories.values()].filter((c) => uuids.includes(c.uuid)).map((c) => c.id);
        const categoryIds = mergeIds(idList(req, 'category_id:in', treesError), byUuid);
        const treeIds = idList(req, 'tree_id:in', treesError);
        const parentIds = idList(req, 'parent_id:in', treesError);
        if (!categoryIds && !treeIds && !parentIds) throw treesError(422, 'At least one filter must be provided in order to delete categories');
        catalog.deleteCategories({ categoryIds, treeIds, parentIds });
        // 204 as the older spec and the status-code table say; the newer spec shows 202 (docs/platforms/bigcommerce.md#endpoints).
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      path: `${base}/products/category-assignments`,
      handler: (req) => {
        const pairs = catalog.listAssignments({ productIds: idList(req, 'product_id:in', flatError), categoryIds: idList(req, 'category_id:in', flatError) });
        return { body: page(req, pairs, (pair) => ({ ...pair }), flatError) };
      },
    },
    {
      method: 'PUT',
      path: `${base}/products/category-assignments`,
      handler: (req) => {
        const errors = catalog.assign(arrayBody(req, flatError, 'category assignments'));
        // Only 204 and 422 are documented: a bad pair fails the whole batch (docs/platforms/bigcommerce.md#writes-and-concurrency).
        if (Object.keys(errors).length > 0) throw flatError(422, 'The category assignments were not valid', errors);
        return { status: 204 };
      },
    },
    {
      method: 'DELETE',
      path: `${base}/products/category-assignments`,
      handler: (req) => {
        const productIds = idList(req, 'product_id:in', flatError);
        const categoryIds = idList(req, 'category_id:in', flatError);
        if (!productIds && !categoryIds) throw flatError(422, 'At least one filter must be provided in order to delete category assignments', {});
        catalog.unassign({ productIds, categoryIds });
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      path: `${base}/categories/:categoryId/products/sort-order`,
      handler: (req) => {
        const category = existingCategory(req);
        return { body: page(req, catalog.sortOrder(category.id), (entry) => ({ ...entry }), flatError) };
      },
    },
    {
      method: 'PUT',
      path: `${base}/categories/:categoryId/products/sort-order`,
      handler: (req) => {
        const category = existingCategory(req);
        const entries = arrayBody(req, flatError, 'sort order entries', { allowEmpty: true });
        const problem = catalog.setSortOrder(category.id, entries);
        if (problem) throw flatError(422, problem);
        // The update answers a bare array of what it set (docs/platforms/bigcommerce.md#endpoints).
        return { body: (entries as Array<{ product_id: number; sort_order: number }>).map(({ product_id, sort_order }) => ({ product_id, sort_order })) };
      },
    },
    {
      method: 'GET',
      path: `${base}/products`,
      handler: (req) => {
        const ids = mergeIds(idList(req, 'id:in', flatError), req.query.has('id') ? [integerParam(req, 'id', flatError, 1)] : undefined);
        const found = [...catalog.products.values()].filter((p) => !ids || ids.includes(p.id)).sort((a, b) => a.id - b.id);
        const include = fieldList(req, 'include_fields');
        const exclude = fieldList(req, 'exclude_fields');
        return { body: page(req, found, (p) => selectFields(productToWire(catalog, p), 'id', include, exclude), flatError) };
      },
    },
    {
      method: 'POST',
      path: `${base}/categories/:categoryId/image`,
      handler: (req) => {
        const category = existingCategory(req);
        const file = parseMultipart(req.headers['content-type'], req.body)?.find((part) => part.name === 'image_file');
        if (!file) throw flatError(422, 'The image was not valid', { image_file: 'An image_file form field is required' });
        if (file.data.length > MAX_IMAGE_BYTES) throw flatError(422, 'The image was not valid', { image_file: 'The image must be 1 MB or smaller' });
        const type = detectImageType(file.data);
        if (!type) throw flatError(422, 'The image was not valid', { image_file: 'The file is not an image of a supported type' });
        const extension = type === 'image/jpeg' ? 'jpg' : type.slice('image/'.length);
        return { body: { data: { image_url: catalog.setImage(category.id, extension) }, meta: {} } };
      },
    },
    {
      method: 'DELETE',
      path: `${base}/categories/:categoryId/image`,
      handler: (req) => {
        existingCategory(req).imageUrl = '';
        return { status: 204 };
      },
    },
  ];
}

/** 201/200 when every item applied, 207 when some did, 422 when none did (docs/platforms/bigcommerce.md#writes-and-concurrency). */
function batchReply(result: BatchResult, okStatus: number, okBody: Record<string, unknown>, noneTitle: string, someTitle: string) {
  const failed = result.total - result.applied.length;
  const meta = { total: result.total, success: result.applied.length, failed };
  if (failed === 0) return { status: okStatus, body: { ...okBody, meta } };
  if (result.applied.length === 0) throw treesError(422, noneTitle, result.errors, meta);
  return { status: 207, body: { ...okBody, errors: { status: 422, title: someTitle, type: ERROR_TYPE, errors: result.errors }, meta } };
}

/** A write's JSON array body; malformed JSON is a plain-text 400, anything but a non-empty array a 422. */
function arrayBody(req: EmulatorRequest, error: ErrorFactory, what: string, options: { allowEmpty?: boolean } = {}): unknown[] {
  const body = req.json('Bad Request: the request body is not valid JSON');
  if (!Array.isArray(body) || (body.length === 0 && !options.allowEmpty)) throw error(422, `The request body must be a non-empty JSON array of ${what}`, {});
  return body;
}

/** A page of `all` with BigCommerce's `meta.pagination` (docs/platforms/bigcommerce.md#paging). */
function page<T, W>(req: EmulatorRequest, all: T[], toWire: (item: T) => W, error: ErrorFactory) {
  const current = req.query.has('page') ? integerParam(req, 'page', error, 1) : 1;
  const limit = Math.min(req.query.has('limit') ? integerParam(req, 'limit', error, 1) : DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const data = all.slice((current - 1) * limit, current * limit).map(toWire);
  const totalPages = Math.ceil(all.length / limit);
  const link = (n: number) => `?limit=${limit}&page=${n}`;
  return {
    data,
    meta: {
      pagination: {
        total: all.length,
        count: data.length,
        per_page: limit,
        current_page: current,
        total_pages: totalPages,
        links: { ...(current > 1 && { previous: link(current - 1) }), current: link(current), ...(current < totalPages && { next: link(current + 1) }) },
      },
    },
  };
}

/** A comma-separated `:in` list of ids; absent when the parameter is. */
function idList(req: EmulatorRequest, name: string, error: ErrorFactory): number[] | undefined {
  const raw = req.query.get(name);
  if (raw === null) return undefined;
  const parts = raw.split(',').map((part) => part.trim());
  if (parts.some((part) => !/^\d{1,15}$/.test(part))) throw error(422, `The query parameter ${name} must be a comma-separated list of integers`, { [name]: raw });
  return parts.map(Number);
}

function integerParam(req: EmulatorRequest, name: string, error: ErrorFactory, min: number): number {
  const raw = req.query.get(name) ?? '';
  if (!/^\d{1,15}$/.test(raw) || Number(raw) < min) throw error(422, `The query parameter ${name} must be an integer of at least ${min}`, { [name]: raw });
  return Number(raw);
}

function booleanParam(req: EmulatorRequest, name: string, error: ErrorFactory): boolean | undefined {
  const raw = req.query.get(name);
  if (raw === null) return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw error(422, `The query parameter ${name} must be true or false`, { [name]: raw });
}

function fieldList(req: EmulatorRequest, name: string): string[] | undefined {
  return (
    req.query
      .get(name)
      ?.split(',')
      .map((field) => field.trim()) ?? undefined
  );
}

function pathId(raw: string | undefined): number | undefined {
  return raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

function mergeIds(a: number[] | undefined, b: number[] | undefined): number[] | undefined {
  return a || b ? [...(a ?? []), ...(b ?? [])] : undefined;
}

import { EmulatorHttpError, EmulatorRequest, EmulatorRoute } from '../kit';
import { detectImageType } from '../../util/imageType';
import type { EcwidCatalog, EcwidCategoryState, EcwidProductState, CategoryWrite } from './catalog';

/** The largest page Ecwid serves; a larger `limit` is clamped to it. */
export const MAX_PAGE_SIZE = 100;
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** Ecwid REST API v3 routes (docs/platforms/ecwid.md#endpoints), under /api/v3/{storeId}. */
export function ecwidRoutes(catalog: EcwidCatalog, storeId: string): EmulatorRoute[] {
  const base = `/api/v3/${storeId}`;
  const storeUrl = `https://store${storeId}.ecwid.example`;
  const imageUrl = (imageId: number) => `https://images.ecwid.example/images/${storeId}/${imageId}.jpg`;

  const toWire = (category: EcwidCategoryState, withProductIds: boolean) => ({
    id: category.id,
    ...(category.parentId !== undefined && { parentId: category.parentId }),
    orderBy: category.orderBy,
    ...(category.imageId !== undefined && {
      thumbnailUrl: imageUrl(category.imageId),
      originalImageUrl: imageUrl(category.imageId + 1),
    }),
    name: category.name,
    url: `${storeUrl}/#!/${encodeURIComponent(category.name)}/c/${category.id}`,
    productCount: catalog.productCount(category.id),
    ...(category.description !== undefined && { description: category.description }),
    enabled: category.enabled,
    ...(withProductIds && { productIds: [...category.productIds] }),
  });

  const productToWire = (product: EcwidProductState) => ({
    id: product.id,
    sku: product.sku,
    name: product.name,
    price: product.price,
    enabled: product.enabled,
    url: `${storeUrl}/#!/${encodeURIComponent(product.name)}/p/${product.id}`,
  });

  return [
    {
      method: 'GET',
      path: `${base}/categories`,
      handler: (req) => {
        const parent = req.query.has('parent') ? numericParam(req, 'parent') : undefined;
        const found = catalog.list({ parent, includeHidden: booleanParam(req, 'hidden_categories') });
        const withProductIds = booleanParam(req, 'productIds');
        return { body: page(req, found, (category) => toWire(category, withProductIds)) };
      },
    },
    {
      method: 'GET',
      path: `${base}/categories/:categoryId`,
      handler: (req) => ({ body: toWire(catalog.category(categoryId(req)), true) }),
    },
    {
      method: 'POST',
      path: `${base}/categories`,
      handler: (req) => ({ body: { id: catalog.create(writeBody(req)) } }),
    },
    {
      method: 'PUT',
      path: `${base}/categories/:categoryId`,
      handler: (req) => {
        catalog.update(categoryId(req), writeBody(req));
        return { body: { updateCount: 1 } };
      },
    },
    {
      method: 'DELETE',
      path: `${base}/categories/:categoryId`,
      handler: (req) => ({ body: { deleteCount: catalog.delete(categoryId(req)) } }),
    },
    {
      method: 'POST',
      path: `${base}/categories/:categoryId/assignProducts`,
      handler: (req) => {
        catalog.assign(categoryId(req), writeBody(req).productIds);
        return { body: { updateCount: 1 } };
      },
    },
    {
      method: 'POST',
      path: `${base}/categories/:categoryId/unassignProducts`,
      handler: (req) => ({ body: { deleteCount: catalog.unassign(categoryId(req), writeBody(req).productIds) } }),
    },
    {
      method: 'POST',
      path: `${base}/categories/:categoryId/image`,
      handler: (req) => {
        const id = categoryId(req);
        catalog.category(id);
        if (req.body.length > MAX_IMAGE_BYTES) throw new EmulatorHttpError(413, { errorMessage: 'The image file is too large (Maximum allowed size is 20Mb)' });
        if (!detectImageType(req.body)) {
          throw new EmulatorHttpError(422, { errorMessage: 'Uploaded file cannot be processed. Please make sure you upload an image file' });
        }
        return { body: { id: catalog.setImage(id) } };
      },
    },
    {
      method: 'DELETE',
      path: `${base}/categories/:categoryId/image`,
      handler: (req) => ({ body: { deleteCount: catalog.deleteImage(categoryId(req)) } }),
    },
    {
      method: 'GET',
      path: `${base}/products`,
      handler: (req) => {
        const wanted = req.query.get('productId');
        const ids = wanted ? wanted.split(',').map((raw) => parseNumber(raw, 'productId')) : undefined;
        const found = ids ? ids.map((id) => catalog.products.get(id)).filter((p): p is EcwidProductState => p !== undefined) : [...catalog.products.values()];
        return { body: page(req, found, productToWire) };
      },
    },
  ];
}

/** Ecwid's SearchResult: `{total, count, offset, limit, items}`, at most 100 items. */
function page<T, W>(req: EmulatorRequest, all: T[], toWire: (item: T) => W) {
  const offset = req.query.has('offset') ? numericParam(req, 'offset') : 0;
  const limit = Math.min(req.query.has('limit') ? numericParam(req, 'limit') : MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const items = all.slice(offset, offset + limit).map(toWire);
  return { total: all.length, count: items.length, offset, limit, items };
}

function writeBody(req: EmulatorRequest): CategoryWrite {
  const body = req.json({ errorMessage: 'Malformed request body: JSON expected' });
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new EmulatorHttpError(400, { errorMessage: 'Malformed request body: a JSON object expected' });
  }
  return body as CategoryWrite;
}

function categoryId(req: EmulatorRequest): number {
  return parseNumber(req.params.categoryId, 'id');
}

function numericParam(req: EmulatorRequest, name: string): number {
  return parseNumber(req.query.get(name) ?? '', name);
}

function parseNumber(raw: string, name: string): number {
  if (!/^\d{1,15}$/.test(raw)) {
    throw new EmulatorHttpError(400, { errorMessage: `Wrong numeric parameter '${name}' value: not a number or a number out of range` });
  }
  return Number(raw);
}

function booleanParam(req: EmulatorRequest, name: string): boolean {
  return req.query.get(name) === 'true';
}

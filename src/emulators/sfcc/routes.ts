import { EmulatorHttpError, EmulatorReply, EmulatorRequest, EmulatorRoute, RouteHandler } from '../kit';
import type { SfccCatalog } from './catalog';
import {
  assignmentDocument,
  assignmentUrl,
  categoryDocument,
  DocumentContext,
  isObject,
  JsonObject,
  malformed,
  productDocument,
  readAssignmentBody,
  readCategoryBody,
} from './documents';
import { OCAPI_VERSION, SfccFault } from './fault';

/** Where OCAPI's Data API lives on an instance; a store's `baseUrl` is the origin plus this. */
export const SFCC_API_PATH = '/s/-/dw/data/v23_2';

/** OCAPI's page size limit for collections and searches. */
export const MAX_COUNT = 200;
const DEFAULT_COUNT = 25;

const CATALOG = `${SFCC_API_PATH}/catalogs/:catalogId`;
const CATEGORY = `${CATALOG}/categories/:categoryId`;
const ASSIGNMENT = `${CATEGORY}/products/:productId`;

type Handler = (req: EmulatorRequest, ctx: DocumentContext) => EmulatorReply;

export function sfccRoutes(catalog: SfccCatalog): EmulatorRoute[] {
  const route = (method: EmulatorRoute['method'], path: string, handler: Handler): EmulatorRoute => ({
    method,
    path,
    handler: inCatalog(catalog, handler),
  });
  return [
    route('GET', `${CATALOG}/categories`, listCategories),
    route('GET', CATEGORY, getCategory),
    route('PUT', CATEGORY, createCategory),
    route('PATCH', CATEGORY, updateCategory),
    route('DELETE', CATEGORY, deleteCategory),
    route('GET', ASSIGNMENT, getAssignment),
    route('PUT', ASSIGNMENT, putAssignment),
    route('PATCH', ASSIGNMENT, patchAssignment),
    route('DELETE', ASSIGNMENT, deleteAssignment),
    route('POST', `${CATALOG}/category_product_assignment_search`, searchAssignments),
    // *assumed* (docs/platforms/sfcc.md#assumptions): the Data API's product read, outside any catalog.
    { method: 'GET', path: `${SFCC_API_PATH}/products/:productId`, handler: outsideCatalog(catalog, getProduct) },
  ];
}

/** Bearer token check; OCAPI answers a missing or wrong token alike. */
export function authorizeSfcc(token: string): (req: EmulatorRequest) => void {
  return (req) => {
    if (req.token === token) return;
    const fault = new SfccFault('InvalidAccessTokenException', 'The request is unauthorized, the access token is invalid.');
    throw new EmulatorHttpError(fault.status, fault.toDocument());
  };
}

/** Paths no route knows answer like OCAPI's unknown resources. */
export const NOT_FOUND_DOCUMENT = new SfccFault('NotFoundException', 'Unknown resource. Please provide a valid resource.').toDocument();

/** Resolves the catalog in the URL and turns thrown faults into fault documents. */
function inCatalog(catalog: SfccCatalog, handler: Handler): RouteHandler {
  return (req) => {
    try {
      const { catalogId } = req.params;
      if (catalogId !== catalog.id) throw new SfccFault('CatalogNotFoundException', `No catalog with ID '${catalogId}' was found.`, { catalogId });
      const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
      return handler(req, { catalog, origin, catalogUrl: `${origin}${SFCC_API_PATH}/catalogs/${encodeURIComponent(catalog.id)}` });
    } catch (error) {
      if (error instanceof SfccFault) return { status: error.status, body: error.toDocument() };
      throw error;
    }
  };
}

/** Resources that live beside the catalogs (products): no catalog in the URL, same fault documents. */
function outsideCatalog(catalog: SfccCatalog, handler: Handler): RouteHandler {
  return (req) => {
    try {
      const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
      return handler(req, { catalog, origin, catalogUrl: `${origin}${SFCC_API_PATH}/catalogs/${encodeURIComponent(catalog.id)}` });
    } catch (error) {
      if (error instanceof SfccFault) return { status: error.status, body: error.toDocument() };
      throw error;
    }
  };
}

function listCategories(req: EmulatorRequest, ctx: DocumentContext): EmulatorReply {
  const start = intParam(req.query.get('start'), 'start', 0, 0);
  const count = intParam(req.query.get('count'), 'count', DEFAULT_COUNT, 1, MAX_COUNT);
  const all = ctx.catalog.listCategories();
  const data = all.slice(start, start + count).map((category) => categoryDocument(ctx, category, 0, false));
  return { body: { _v: OCAPI_VERSION, _type: 'categories', count: data.length, data, start, total: all.length } };
}

function getCategory(req: EmulatorRequest, ctx: DocumentContext): EmulatorReply {
  // OCAPI's default is the first level of subcategories.
  const levels = intParam(req.query.get('levels'), 'levels', 1, 0);
  return { body: categoryDocument(ctx, ctx.catalog.getCategory(req.params.categoryId), levels) };
}

function createCategory(req: EmulatorRequest, ctx: DocumentContext): EmulatorReply {
  const { fields } = readCategoryBody(jsonBody(req), ctx.catalog.id, req.params.categoryId);
  // Seed 004's create sample answers 200, not 201.
  return { body: categoryDocument(ctx, ctx.catalog.createCategory(req.params.categoryId, fields), 0) };
}

function updateCategory(req: EmulatorRequest, ctx: DocumentContext): EmulatorReply {
  const { fields, resourceState } = readCategoryBody(jsonBody(req), ctx.catalog.id, req.params.categoryId);
  return { body: categoryDocument(ctx, ctx.catalog.updateCategory(req.params.categoryId, fields, resourceState), 0) };
}

function deleteCategory(req: EmulatorRequest, ctx: DocumentContext): EmulatorReply {
  ctx.catalog.deleteCategory(req.params.categoryId, stateHeader(req));
  return { status: 204 };
}

function getProduct(req: EmulatorRequest, ctx: DocumentContext): EmulatorReply {
  return { body: productDocument(ctx, ctx.catalog.getProduct(req.params.productId)) };
}

function getAssignment(req: EmulatorRequest, ctx: DocumentContext): EmulatorReply {
  return { body: assignmentDocument(ctx, ctx.catalog.getAssignment(req.params.categoryId, req.params.productId)) };
}

function putAssignment(req: EmulatorRequest, ctx: DocumentContext): EmulatorReply {
  const { categoryId, productId } = req.params;
  const { position } = readAssignmentBody(jsonBody(req), ctx.catalog.id, categoryId, productId);
  const { assignment, created } = ctx.catalog.putAssignment(categoryId, productId, position ?? null);
  const body = assignmentDocument(ctx, assignment);
  return created ? { status: 201, body, headers: { location: assignmentUrl(ctx, categoryId, productId) } } : { body };
}

function patchAssignment(req: EmulatorRequest, ctx: DocumentContext): EmulatorReply {
  const { categoryId, productId } = req.params;
  const { position, resourceState } = readAssignmentBody(jsonBody(req), ctx.catalog.id, categoryId, productId);
  return { body: assignmentDocument(ctx, ctx.catalog.patchAssignment(categoryId, productId, { position }, resourceState)) };
}

function deleteAssignment(req: EmulatorRequest, ctx: DocumentContext): EmulatorReply {
  ctx.catalog.deleteAssignment(req.params.categoryId, req.params.productId, stateHeader(req));
  return { status: 204 };
}

/**
 * The contract's assumed search: a `term_query` on `category_id` (`is` one id, or `one_of` several), sorted by
 * `position`, paged by `start`/`count`.
 */
function searchAssignments(req: EmulatorRequest, ctx: DocumentContext): EmulatorReply {
  const body = jsonBody(req);
  const categoryIds = categoryTerm(body.query);
  const order = positionOrder(body.sorts);
  const start = intParam(body.start, 'start', 0, 0);
  const count = intParam(body.count, 'count', DEFAULT_COUNT, 1, MAX_COUNT);
  const all = ctx.catalog.searchAssignments(categoryIds, order);
  const hits = all.slice(start, start + count).map((assignment) => assignmentDocument(ctx, assignment, false));
  const type = 'category_product_assignment_search_result';
  return { body: { _v: OCAPI_VERSION, _type: type, count: hits.length, hits, query: body.query, start, total: all.length } };
}

function categoryTerm(query: unknown): string[] {
  const term = isObject(query) ? query.term_query : undefined;
  if (!isObject(term)) throw malformed('query', query);
  const { fields, operator, values } = term;
  const onCategory = Array.isArray(fields) && fields.length === 1 && fields[0] === 'category_id';
  const ids = Array.isArray(values) && values.every((value) => typeof value === 'string') ? (values as string[]) : undefined;
  const fits = ids && ((operator === 'is' && ids.length === 1) || (operator === 'one_of' && ids.length > 0));
  if (!onCategory || !fits) throw malformed('query', query);
  return ids;
}

function positionOrder(sorts: unknown): 'asc' | 'desc' {
  if (sorts === undefined) return 'asc';
  if (!Array.isArray(sorts) || sorts.length > 1) throw malformed('sorts', sorts);
  const [sort] = sorts as unknown[];
  if (sort === undefined) return 'asc';
  if (!isObject(sort)) throw malformed('sorts', sorts);
  if (sort.field !== 'position') {
    throw new SfccFault('FieldNotSortableException', `The field '${String(sort.field)}' is not sortable.`, { field: String(sort.field) });
  }
  const order = sort.sort_order ?? 'asc';
  if (order !== 'asc' && order !== 'desc') throw malformed('sorts', sorts);
  return order;
}

/** An integer parameter (query string or search body) within OCAPI's constraints, else MalformedParameterException. */
function intParam(raw: unknown, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === null || raw === undefined) return fallback;
  const value = typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw malformed(name, raw);
  return value;
}

/** The request document; an empty body is an empty document (a PUT assignment without a position). */
function jsonBody(req: EmulatorRequest): JsonObject {
  const text = req.body.toString('utf8');
  let body: unknown = {};
  try {
    if (text.length > 0) body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!isObject(body)) throw new SfccFault('BodyDecodingException', 'The request document (body) could not be decoded.', { body: text });
  return body;
}

/** Body-less requests (DELETE) carry the resource state in this header. */
function stateHeader(req: EmulatorRequest): string | undefined {
  const value = req.headers['x-dw-resource-state'];
  return Array.isArray(value) ? value[0] : value;
}

// The ceiling: each scenario as one request straight to the platform, no GraphQL layer in between.
// Where one request cannot hold the whole answer (Ecwid), it is the one request closest to it, and the
// row says so: it bounds what any layer over the platform can reach, it does not answer the scenario.

export const name = 'raw REST (one upstream call)';

const get = (baseUrl, path, token) => {
  const url = new URL(`${baseUrl}${path}`);
  return { url: url.origin, request: { method: 'GET', path: `${url.pathname}${url.search}`, headers: { authorization: `Bearer ${token}` } } };
};

function ecwidOperation({ baseUrl, storeId, token, treeRootId, pageProductIds }, kind) {
  const store = `/${storeId}`;
  if (kind === 'tree') return { ...get(baseUrl, `${store}/categories?parent=${treeRootId}`, token), partial: 'the 20 departments only: Ecwid lists one parent a call' };
  if (kind === 'page') return { ...get(baseUrl, `${store}/products?productId=${pageProductIds.join(',')}`, token), partial: 'the 50 products without the category' };
  return undefined;
}

function sfccOperation({ baseUrl, catalogId, token, treeRootId, pageCategoryId }, kind) {
  const catalog = `/catalogs/${catalogId}`;
  if (kind === 'tree') return get(baseUrl, `${catalog}/categories/${treeRootId}?levels=2`, token);
  if (kind !== 'page') return undefined;
  const url = new URL(`${baseUrl}${catalog}/category_product_assignment_search`);
  const body = { query: { term_query: { fields: ['category_id'], operator: 'is', values: [pageCategoryId] } }, sorts: [{ field: 'position' }], count: 50 };
  return {
    url: url.origin,
    request: { method: 'POST', path: url.pathname, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) },
  };
}

function zaveitOperation({ baseUrl, token, pageCategoryId }, kind) {
  if (kind === 'tree') return get(baseUrl, '/v2/product/category/', token);
  if (kind === 'page') return get(baseUrl, `/v2/product/category/${pageCategoryId}`, token);
  return undefined;
}

function bigcommerceOperation({ baseUrl, storeHash, treeId, token, pageCategoryId }, kind) {
  const store = `${baseUrl}/stores/${storeHash}/v3`;
  const auth = (operation) => ({ ...operation, request: { ...operation.request, headers: { 'x-auth-token': token } } });
  if (kind === 'tree') return auth(get(store, `/catalog/trees/${treeId}/categories`, token));
  if (kind === 'page') return { ...auth(get(store, `/catalog/categories/${pageCategoryId}/products/sort-order?limit=250`, token)), partial: 'the 50 products without their names' };
  return undefined;
}

const byPlatform = { ecwid: ecwidOperation, sfcc: sfccOperation, zaveit: zaveitOperation, bigcommerce: bigcommerceOperation };

/** The emulators themselves serve these: the measured process is the emulator process. */
export async function start(upstreams) {
  return {
    pid: upstreams.pid,
    stop: async () => undefined,
    operation: (scenario) => byPlatform[scenario.platform](upstreams[scenario.platform], scenario.kind),
  };
}

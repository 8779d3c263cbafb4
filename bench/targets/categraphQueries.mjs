// The scenarios in Categraph's schema; the naive baseline serves the same fields, so both get these texts.
const categoryGid = (store, id) => `gid://categraph/Category/${store}/${encodeURIComponent(id)}`;
const productGid = (store, id) => `gid://categraph/Product/${store}/${encodeURIComponent(id)}`;

export function treeQuery(store, rootId) {
  return `{ category(id: "${categoryGid(store, rootId)}") { name children(first: 20) { nodes { name children(first: 10) { nodes { name } } } } } }`;
}

export function pageQuery(store, categoryId) {
  return `{ category(id: "${categoryGid(store, categoryId)}") { name products(first: 50) { nodes { position product { name } } } } }`;
}

const MOVE = 'mutation($input: MoveProductInput!) { moveProduct(input: $input) { userErrors { code } } }';
const ASSIGN = 'mutation($input: AssignProductsInput!) { assignProducts(input: $input) { userErrors { code } } }';

/**
 * The merchandising mix as a draw per request: 90 % category page reads, 5 % moves of one of the page's
 * products to a random position, 5 % assigns of a spare product (a repeat assign leaves it in place).
 */
export function mixDraw(store, ids, request) {
  const read = request(pageQuery(store, ids.pageCategoryId));
  const write = writeDraw(store, ids, request);
  return {
    read,
    pick: () => (Math.random() < 0.9 ? read : write()),
  };
}

/**
 * A storefront while a merchandiser edits it: readers draw the storefront tree or the category page, half
 * each, as fast as they are answered; a writer of its own moves and assigns in that category at a fixed rate
 * (`writes`), so a write queued behind another never holds up a reader.
 */
export function storefrontDraw(store, ids, request, writesPerSecond) {
  const page = request(pageQuery(store, ids.pageCategoryId));
  const tree = request(treeQuery(store, ids.treeRootId));
  return {
    read: page,
    pick: () => (Math.random() < 0.5 ? tree : page),
    writes: { rate: writesPerSecond, pick: writeDraw(store, ids, request) },
  };
}

/** Half moves of one of the page's products to a random position, half assigns of a spare product. */
function writeDraw(store, { pageCategoryId, pageProductIds, poolProductIds }, request) {
  const categoryId = categoryGid(store, pageCategoryId);
  const any = (list) => list[Math.floor(Math.random() * list.length)];
  return () => {
    if (Math.random() < 0.5) {
      const input = { categoryId, productId: productGid(store, any(pageProductIds)), position: Math.floor(Math.random() * pageProductIds.length) };
      return request(MOVE, { input });
    }
    return request(ASSIGN, { input: { categoryId, productIds: [productGid(store, any(poolProductIds))] } });
  };
}

import { buildDemoCatalog, NEW_ARRIVALS_CATEGORY_ID, ROOT_CATEGORY_ID, STOREFRONT_CATEGORY_ID } from '../../../../src/emulators/sfcc';

describe('SFCC demo catalog', () => {
  const catalog = buildDemoCatalog('main-catalog');

  it('has a storefront subtree of exactly 20 departments with exactly 10 leaves each', () => {
    const departments = catalog.childrenOf(STOREFRONT_CATEGORY_ID);
    expect(departments).toHaveLength(20);
    for (const department of departments) {
      const leaves = catalog.childrenOf(department.id);
      expect(leaves).toHaveLength(10);
      for (const leaf of leaves) expect(catalog.childrenOf(leaf.id)).toHaveLength(0);
    }
    expect(catalog.getCategory(STOREFRONT_CATEGORY_ID).parentId).toBe(ROOT_CATEGORY_ID);
    expect(catalog.childrenOf(ROOT_CATEGORY_ID).map((c) => c.id)).toEqual([STOREFRONT_CATEGORY_ID, NEW_ARRIVALS_CATEGORY_ID, 'sale', 'gift-ideas', 'holiday-shop']);
    expect(catalog.getCategory('womens-clothing-dresses').name).toEqual({ default: 'Dresses' });
  });

  it('has a few hundred named products, most assigned with positions, some without, some nowhere', () => {
    const products = catalog.listProducts();
    expect(products).toHaveLength(500);
    expect(products[0]).toMatchObject({ id: 'P-10001', name: { default: expect.any(String) } });
    const assignments = catalog.listCategories().flatMap((category) => catalog.assignmentsOf(category.id));
    const unpositioned = assignments.filter((a) => a.position === null);
    expect(unpositioned.length).toBeGreaterThan(0);
    expect(unpositioned.length).toBeLessThan(assignments.length / 5);
    const assigned = new Set(assignments.map((a) => a.productId));
    expect(products.filter((p) => !assigned.has(p.id)).map((p) => p.id)).toEqual(Array.from({ length: 20 }, (_, i) => `P-${10481 + i}`));
  });

  it('numbers each category positioned assignments 1..n and lists the unpositioned after them', () => {
    for (const category of catalog.listCategories()) {
      const positions = catalog.assignmentsOf(category.id).map((a) => a.position);
      const positioned = positions.filter((p) => p !== null);
      expect(positioned).toEqual(positioned.map((_, i) => i + 1));
      expect(positions.slice(positioned.length).every((p) => p === null)).toBe(true);
    }
  });

  it('puts more than one search page (200) into new-arrivals', () => {
    expect(catalog.assignmentsOf(NEW_ARRIVALS_CATEGORY_ID)).toHaveLength(250);
  });

  it('is the same on every build', () => {
    const again = buildDemoCatalog('main-catalog');
    const snapshot = (c: typeof catalog) => JSON.stringify([c.listCategories(), c.listProducts(), c.listCategories().map((category) => c.assignmentsOf(category.id))]);
    expect(snapshot(again)).toBe(snapshot(catalog));
  });
});

import { ZaveitCatalog } from '../../../../src/emulators/zaveit';
import { seedZaveitDemoCatalog, ZAVEIT_DEMO_TENANT } from '../../../../src/emulators/zaveit/demoCatalog';
import { OWN_PRODUCT_KEYS, RESOLD_PRODUCT_KEYS } from '../../../support/zaveitEmulator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function demo(): ZaveitCatalog {
  const catalog = new ZaveitCatalog();
  seedZaveitDemoCatalog(catalog);
  return catalog;
}

describe('Zaveit demo catalog', () => {
  const catalog = demo();
  const categories = catalog.listCategories(ZAVEIT_DEMO_TENANT);
  const products = catalog.productsOf(ZAVEIT_DEMO_TENANT);
  const byId = new Map(categories.map((c) => [c._id, c]));
  const depth = (id: string): number => {
    const parent = byId.get(id)?.parent;
    return parent ? 1 + depth(parent) : 1;
  };

  it('is the same on every start, ids included', () => {
    const again = demo();
    expect(again.listCategories(ZAVEIT_DEMO_TENANT)).toEqual(categories);
    expect(again.productsOf(ZAVEIT_DEMO_TENANT)).toEqual(products);
  });

  it('keeps the ids other tests and the README rely on', () => {
    const named = (name: string) => categories.find((c) => c.name === name);
    expect(named('Lisenser')).toMatchObject({ _id: 'd489f5cf-c23e-423e-b777-97a05cfadb34', parent: null });
    expect(named('Microsoft 365')).toMatchObject({ _id: '478266a2-d8e0-42cf-94e7-12854a0d1d65', parent: 'd489f5cf-c23e-423e-b777-97a05cfadb34' });
    expect(named('Microsoft 365 for bedrift')?._id).toBe('76a489e5-939a-4239-b166-4fbac4caf9fa');
    expect(named('Microsoft 365 for bedrift')?.products[0]).toMatchObject({ _id: '3696abc0-79c2-4a86-8182-82ec192183b7', name: 'Microsoft Teams Essentials' });
  });

  it('is a believable MSP shop: 150–250 products, 30–60 categories, a tree three levels deep', () => {
    expect(products.length).toBeGreaterThanOrEqual(150);
    expect(products.length).toBeLessThanOrEqual(250);
    expect(categories.length).toBeGreaterThanOrEqual(30);
    expect(categories.length).toBeLessThanOrEqual(60);
    expect(Math.max(...categories.map((c) => depth(c._id)))).toBe(3);
    expect(categories.filter((c) => c.parent === null).length).toBeGreaterThanOrEqual(5);
    const names = products.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Microsoft 365 Business Premium', 'Fortinet FortiGate 60F', 'Supportavtale Premium (per bruker)']));
  });

  it('has unique uuid ids and skus, NOK prices and Norway as the country', () => {
    const ids = [...categories.map((c) => c._id), ...products.map((p) => p._id)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => UUID.test(id))).toBe(true);
    expect(new Set(products.map((p) => p.sku)).size).toBe(products.length);
    for (const product of products) {
      expect(product).toMatchObject({ tenant: ZAVEIT_DEMO_TENANT, country: { code: 'NO' }, currency: { code: 'NOK' } });
      expect(Object.keys(product)).toEqual(product.distributor ? RESOLD_PRODUCT_KEYS : OWN_PRODUCT_KEYS);
      expect(product.products.every((price) => price.price > 0)).toBe(true);
    }
  });

  it('places most products in one category, some in two and leaves a few for adding', () => {
    const counts = products.map((p) => p.categories.length);
    expect(counts.filter((n) => n === 0).length).toBeGreaterThan(5);
    expect(counts.filter((n) => n === 2).length).toBeGreaterThan(5);
    for (const category of categories) {
      for (const product of category.products) expect(product.categories).toContain(category._id);
    }
  });
});

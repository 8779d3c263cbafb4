import { ancestorIdsOf, assignmentRecords, assignmentsByCategory, categoryRecord, categoryTree, localizedText } from '../../../../src/platforms/sfcc/mapping';
import type { SfccCategory } from '../../../../src/platforms/sfcc/wire';

describe('SFCC positions → the gateway’s zero-based positions', () => {
  test('positioned by position, zero-based by rank (gaps and fractions too), unpositioned after with null', () => {
    expect(
      assignmentRecords([{ product_id: 'C', position: 7.5 }, { product_id: 'U1' }, { product_id: 'A', position: 1 }, { product_id: 'U2' }, { product_id: 'B', position: 2 }]),
    ).toEqual([
      { productId: 'A', position: 0 },
      { productId: 'B', position: 1 },
      { productId: 'C', position: 2 },
      { productId: 'U1', position: null },
      { productId: 'U2', position: null },
    ]);
  });

  test('the vendor’s move example (docs/platforms/sfcc.md#ordering-and-positions): A,B,C,D with A → 3 is B,C,A,D at 1..4, i.e. 0..3', () => {
    const answer = [
      { product_id: 'B', position: 1 },
      { product_id: 'C', position: 2 },
      { product_id: 'A', position: 3 },
      { product_id: 'D', position: 4 },
    ];
    expect(assignmentRecords(answer).map((a) => `${a.productId}${a.position}`)).toEqual(['B0', 'C1', 'A2', 'D3']);
  });

  test('a product listed twice (paging during a write) counts once; equal positions keep the platform’s order', () => {
    expect(
      assignmentRecords([
        { product_id: 'A', position: 1 },
        { product_id: 'B', position: 1 },
        { product_id: 'A', position: 1 },
      ]),
    ).toEqual([
      { productId: 'A', position: 0 },
      { productId: 'B', position: 1 },
    ]);
  });
});

describe('SFCC category documents → records', () => {
  const leaf: SfccCategory = {
    id: 'dresses',
    name: { 'fr-FR': 'Robes', default: 'Dresses' },
    online: true,
    parent_category_id: 'womens',
    position: 2,
    paths: [{ id: 'main-catalog' }, { id: 'root' }, { id: 'storefront' }, { id: 'womens' }, { id: 'dresses' }],
  };

  test('the default locale, the root’s children as roots, no storefront URL from the API link', () => {
    expect(categoryRecord(leaf, 'main-catalog')).toEqual({
      nativeId: 'dresses',
      name: 'Dresses',
      description: null,
      enabled: true,
      position: 2,
      parentId: 'womens',
      productCount: null,
      imageUrl: null,
      thumbnailUrl: null,
      url: null,
      ancestorIds: ['storefront', 'womens'],
    });
    expect(categoryRecord({ id: 'top', parent_category_id: 'root' }, 'main-catalog')).toMatchObject({ name: 'top', parentId: null, enabled: false });
    expect(localizedText({ 'fr-FR': 'Robes' })).toBe('Robes');
    expect(localizedText({ default: '' })).toBeNull();
  });

  test('paths as the vendor’s sample shows them (below the root) and with the catalog and root first (docs/platforms/sfcc.md#endpoints)', () => {
    expect(ancestorIdsOf({ id: 'sub-category-1', parent_category_id: 'root', paths: [{ id: 'sub-category-1' }] }, 'main-catalog')).toEqual([]);
    expect(ancestorIdsOf({ ...leaf, paths: [{ id: 'storefront' }, { id: 'womens' }, { id: 'dresses' }] }, 'main-catalog')).toEqual(['storefront', 'womens']);
    // A path that does not end at the parent is not trusted: the resolver walks parents instead.
    expect(ancestorIdsOf({ ...leaf, paths: [{ id: 'storefront' }, { id: 'dresses' }] }, 'main-catalog')).toBeUndefined();
    expect(ancestorIdsOf({ ...leaf, paths: undefined }, 'main-catalog')).toBeUndefined();
  });

  test('a levels answer proves children lists down to the levels asked, not below', () => {
    const answer: SfccCategory = {
      id: 'storefront',
      online: true,
      categories: [
        { id: 'b', position: 2, parent_category_id: 'storefront', categories: [{ id: 'b1', parent_category_id: 'b' }] },
        { id: 'a', position: 1, parent_category_id: 'storefront' },
      ],
    };
    const tree = categoryTree(answer, 2, 'main-catalog');
    expect(tree.records.map((r) => r.nativeId)).toEqual(['storefront', 'b', 'b1', 'a']);
    expect(Object.fromEntries([...tree.childLists].map(([parent, children]) => [parent, children.map((c) => c.nativeId)]))).toEqual({
      storefront: ['a', 'b'],
      b: ['b1'],
      a: [],
    });
    // b1 sits at the last level asked: whether it has children is unknown.
    expect(tree.childLists.has('b1')).toBe(false);
  });
});

describe('an assignment search about several categories', () => {
  test('hits go to the category they name, in the order found; a category without hits has an empty list', () => {
    const hits = [
      { category_id: 'b', product_id: 'B1', position: 1 },
      { category_id: 'a', product_id: 'A1', position: 1 },
      { category_id: 'b', product_id: 'B2', position: 2 },
    ];
    expect(assignmentsByCategory(hits, ['a', 'b', 'c'])).toEqual(
      new Map([
        ['a', [hits[1]]],
        ['b', [hits[0], hits[2]]],
        ['c', []],
      ]),
    );
  });

  test('a hit that names none of them (or no category) cannot be placed: each category is then searched alone', () => {
    expect(assignmentsByCategory([{ product_id: 'X' }], ['a', 'b'])).toBeUndefined();
    expect(assignmentsByCategory([{ category_id: 'z', product_id: 'X' }], ['a', 'b'])).toBeUndefined();
    // About one category, every hit is its own.
    expect(assignmentsByCategory([{ product_id: 'X' }], ['a'])).toEqual(new Map([['a', [{ product_id: 'X' }]]]));
  });
});

import { SfccCatalog, SfccFault } from '../../../../src/emulators/sfcc';

/** The fault a catalog call throws; fails the test when it throws none. */
function faultOf(call: () => unknown): SfccFault {
  try {
    call();
  } catch (error) {
    if (error instanceof SfccFault) return error;
    throw error;
  }
  throw new Error('expected an SfccFault');
}

describe('SfccCatalog position normalization (the examples of docs/platforms/sfcc.md#ordering-and-positions)', () => {
  let catalog: SfccCatalog;
  const order = () => catalog.assignmentsOf('c').map((a) => [a.productId, a.position]);

  beforeEach(() => {
    catalog = new SfccCatalog('test-catalog');
    catalog.createCategory('c', {});
    for (const id of ['A', 'B', 'C', 'D']) catalog.addProduct(id, { default: `Product ${id}` });
  });

  const assign = (...ids: string[]) => ids.forEach((id, index) => catalog.putAssignment('c', id, index + 1));

  it('A, B, C at 1, 2, 3; D assigned at 2 → A, D, B, C at 1, 2, 3, 4', () => {
    assign('A', 'B', 'C');
    catalog.putAssignment('c', 'D', 2);
    expect(order()).toEqual([
      ['A', 1],
      ['D', 2],
      ['B', 3],
      ['C', 4],
    ]);
  });

  it('A, B, C, D at 1..4; A updated to 3 → B, C, A, D; then C to no position → B, A, D, C at 1, 2, 3, null', () => {
    assign('A', 'B', 'C', 'D');
    catalog.patchAssignment('c', 'A', { position: 3 });
    expect(order()).toEqual([
      ['B', 1],
      ['C', 2],
      ['A', 3],
      ['D', 4],
    ]);
    catalog.patchAssignment('c', 'C', { position: null });
    expect(order()).toEqual([
      ['B', 1],
      ['A', 2],
      ['D', 3],
      ['C', null],
    ]);
  });

  it('a new assignment at n+1 or past it ends at n+1', () => {
    assign('A', 'B', 'C');
    catalog.putAssignment('c', 'D', 42);
    expect(order()).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 3],
      ['D', 4],
    ]);
  });

  it('an update to position n or past it ends last, at n', () => {
    assign('A', 'B', 'C', 'D');
    catalog.patchAssignment('c', 'B', { position: 99 });
    expect(order()).toEqual([
      ['A', 1],
      ['C', 2],
      ['D', 3],
      ['B', 4],
    ]);
    catalog.patchAssignment('c', 'C', { position: 4 });
    expect(order()).toEqual([
      ['A', 1],
      ['D', 2],
      ['B', 3],
      ['C', 4],
    ]);
  });

  it('A, B, C at 1, 2, 7.5; deleting B leaves A, C at 1, 7.5', () => {
    assign('A', 'B', 'C');
    // Positions such as 7.5 come from catalog imports, not from OCAPI writes, which renumber.
    catalog.findAssignment('c', 'C')!.position = 7.5;
    catalog.deleteAssignment('c', 'B');
    expect(order()).toEqual([
      ['A', 1],
      ['C', 7.5],
    ]);
  });

  it('positions below 1 go first; fractional ones land between their neighbours', () => {
    assign('A', 'B', 'C');
    catalog.putAssignment('c', 'D', 1.5);
    expect(order()).toEqual([
      ['A', 1],
      ['D', 2],
      ['B', 3],
      ['C', 4],
    ]);
    catalog.patchAssignment('c', 'C', { position: 0 });
    expect(order()).toEqual([
      ['C', 1],
      ['A', 2],
      ['D', 3],
      ['B', 4],
    ]);
  });

  it('an assignment without position lists after the positioned ones and leaves their positions alone', () => {
    assign('A', 'B');
    catalog.findAssignment('c', 'B')!.position = 5;
    catalog.putAssignment('c', 'C', null);
    catalog.putAssignment('c', 'D', null);
    expect(order()).toEqual([
      ['A', 1],
      ['B', 5],
      ['C', null],
      ['D', null],
    ]);
    expect(catalog.productIdsOf('c')).toEqual(['A', 'B', 'C', 'D']);
  });

  it('a PUT on an existing assignment moves it instead of adding a second one', () => {
    assign('A', 'B', 'C');
    expect(catalog.putAssignment('c', 'C', 1).created).toBe(false);
    expect(order()).toEqual([
      ['C', 1],
      ['A', 2],
      ['B', 3],
    ]);
  });

  it('changes the resource state of every assignment whose position a write changed, and only those', () => {
    assign('A', 'B', 'C', 'D');
    const before = Object.fromEntries(catalog.assignmentsOf('c').map((a) => [a.productId, a.resourceState]));
    catalog.patchAssignment('c', 'C', { position: 2 }); // A, C, B, D: A and D keep their positions
    const after = Object.fromEntries(catalog.assignmentsOf('c').map((a) => [a.productId, a.resourceState]));
    expect(after.A).toBe(before.A);
    expect(after.D).toBe(before.D);
    expect(after.B).not.toBe(before.B);
    expect(after.C).not.toBe(before.C);
  });

  it('checks the expected resource state of an assignment', () => {
    assign('A');
    const fault = faultOf(() => catalog.patchAssignment('c', 'A', { position: 1 }, 'stale'));
    expect(fault.type).toBe('ResourceStateConflictException');
    expect(fault.status).toBe(409);
    const { resourceState } = catalog.getAssignment('c', 'A');
    expect(() => catalog.deleteAssignment('c', 'A', resourceState)).not.toThrow();
  });

  it('faults on unknown categories, products and assignments', () => {
    expect(faultOf(() => catalog.putAssignment('nope', 'A', 1)).type).toBe('CategoryNotFoundException');
    expect(faultOf(() => catalog.putAssignment('c', 'nope', 1))).toMatchObject({ type: 'ProductNotFoundException', args: { productId: 'nope' } });
    expect(faultOf(() => catalog.patchAssignment('c', 'A', { position: 1 }))).toMatchObject({
      type: 'CategoryProductAssignmentNotFoundException',
      args: { catalogId: 'test-catalog', categoryId: 'c', productId: 'A' },
    });
  });

  it('searches several categories by position, unpositioned last either way', () => {
    catalog.createCategory('d', {});
    assign('A', 'B');
    catalog.putAssignment('c', 'C', null);
    catalog.putAssignment('d', 'D', 1);
    const ids = (order: 'asc' | 'desc') => catalog.searchAssignments(['c', 'd', 'unknown'], order).map((a) => `${a.categoryId}/${a.productId}`);
    expect(ids('asc')).toEqual(['c/A', 'd/D', 'c/B', 'c/C']);
    expect(ids('desc')).toEqual(['c/B', 'd/D', 'c/A', 'c/C']);
  });
});

describe('SfccCatalog categories', () => {
  let catalog: SfccCatalog;

  beforeEach(() => {
    catalog = new SfccCatalog('test-catalog');
    catalog.createCategory('women', { name: { default: 'Women' }, online: true });
    catalog.createCategory('dresses', { parentId: 'women', position: 2 });
    catalog.createCategory('tops', { parentId: 'women', position: 1 });
  });

  it('creates under root by default, offline, and lists children by position', () => {
    expect(catalog.getCategory('women')).toMatchObject({ parentId: 'root', online: true });
    expect(catalog.getCategory('dresses').online).toBe(false);
    expect(catalog.childrenOf('women').map((c) => c.id)).toEqual(['tops', 'dresses']);
    expect(catalog.pathTo('dresses').map((c) => c.id)).toEqual(['root', 'women', 'dresses']);
  });

  it('refuses duplicate ids and unknown parents', () => {
    expect(faultOf(() => catalog.createCategory('women', {}))).toMatchObject({ type: 'CategoryDuplicateException', status: 400 });
    expect(faultOf(() => catalog.createCategory('x', { parentId: 'nope' }))).toMatchObject({
      type: 'CategoryInvalidException',
      args: { catalogId: 'test-catalog', categoryId: 'x', field: 'parent_category_id' },
    });
  });

  it('updates with PATCH semantics, merging locales, and changes the resource state', () => {
    const before = catalog.getCategory('women').resourceState;
    catalog.updateCategory('women', { name: { fr: 'Femmes' } }, before);
    expect(catalog.getCategory('women').name).toEqual({ default: 'Women', fr: 'Femmes' });
    expect(catalog.getCategory('women').online).toBe(true);
    expect(catalog.getCategory('women').resourceState).not.toBe(before);
    expect(faultOf(() => catalog.updateCategory('women', {}, before)).type).toBe('ResourceStateConflictException');
  });

  it('refuses to move a category under itself or its descendants', () => {
    expect(faultOf(() => catalog.updateCategory('women', { parentId: 'dresses' })).args.field).toBe('parent_category_id');
    expect(faultOf(() => catalog.updateCategory('women', { parentId: 'women' })).type).toBe('CategoryInvalidException');
    catalog.updateCategory('dresses', { parentId: 'root' });
    expect(catalog.getCategory('dresses').parentId).toBe('root');
  });

  it('deletes a category with its subcategories and their assignments', () => {
    catalog.addProduct('P1', { default: 'Dress' });
    catalog.putAssignment('dresses', 'P1', 1);
    catalog.deleteCategory('women');
    expect(catalog.listCategories().map((c) => c.id)).toEqual(['root']);
    expect(catalog.findAssignment('dresses', 'P1')).toBeUndefined();
    expect(faultOf(() => catalog.deleteCategory('root')).type).toBe('CategoryInvalidException');
    expect(faultOf(() => catalog.getCategory('women'))).toMatchObject({ type: 'CategoryNotFoundException', status: 404 });
  });
});

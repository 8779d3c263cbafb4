import { ZAVEIT_ENDPOINTS } from '../../../src/platforms/zaveit/endpoints';
import { ZaveitAdapter } from '../../../src/platforms/zaveit/adapter';
import { InProcessCategoryLock } from '../../../src/locks/categoryLock';
import { defaultUpstreamSettings } from '../../../src/config/configSchema';
import { UpstreamClient } from '../../../src/upstream/upstreamClient';

describe('the Zaveit adapter\'s fixed parts', () => {
  const http = new UpstreamClient({ ...defaultUpstreamSettings(), baseUrl: 'http://127.0.0.1:9', headers: {}, platformName: 'Zaveit', storeId: 'zaveit-test' });
  const adapter = new ZaveitAdapter(http, new InProcessCategoryLock());
  afterAll(() => http.close());

  test.each([
    ['a UUID', '76a489e5-939a-4239-b166-4fbac4caf9fa', true],
    ['a MongoDB ObjectId', '64b7f3c2a1e4d5f6a7b8c9d0', true],
    ['the vendor example id', 'category-id-1', true],
    ['an empty id', '', false],
    ['a dot segment', '..', false],
    ['a slash', 'a/b', false],
    ['a space', 'a b', false],
    ['percent-encoding', 'a%2Fb', false],
    ['129 characters', 'a'.repeat(129), false],
  ])('isValidNativeId: %s → %s', (_, id, valid) => {
    expect(adapter.isValidNativeId('Category', id)).toBe(valid);
    expect(adapter.isValidNativeId('Product', id)).toBe(valid);
  });

  test('capabilities say what Zaveit can do', () => {
    expect(adapter.capabilities).toEqual({
      moveProduct: false,
      createCategory: false,
      updateCategory: false,
      deleteCategory: true,
      categoryImages: false,
      createRequiresNativeId: false,
    });
  });

  test('the operations Zaveit lacks reject with UNSUPPORTED_OPERATION', async () => {
    for (const call of [() => adapter.createCategory(), () => adapter.updateCategory(), () => adapter.moveProduct(), () => adapter.setCategoryImage(), () => adapter.deleteCategoryImage()]) {
      await expect(call()).rejects.toMatchObject({ code: 'UNSUPPORTED_OPERATION' });
    }
  });

  test('the endpoint table: documented add/remove, assumed get/list/delete, ids as one path segment', () => {
    expect(ZAVEIT_ENDPOINTS.addProducts.request('c-1', ['p-1'])).toEqual({ method: 'PUT', path: '/v2/product/category/c-1/products/add', json: ['p-1'] });
    expect(ZAVEIT_ENDPOINTS.removeProducts.request('c-1', ['p-1'])).toEqual({ method: 'PUT', path: '/v2/product/category/c-1/products/remove', json: ['p-1'] });
    expect(ZAVEIT_ENDPOINTS.getCategory.request('c 1/x')).toEqual({ method: 'GET', path: '/v2/product/category/c%201%2Fx' });
    expect(ZAVEIT_ENDPOINTS.listCategories.request()).toEqual({ method: 'GET', path: '/v2/product/category/' });
    expect(ZAVEIT_ENDPOINTS.deleteCategory.request('c-1')).toEqual({ method: 'DELETE', path: '/v2/product/category/c-1' });
    const assumed = Object.entries(ZAVEIT_ENDPOINTS).filter(([, endpoint]) => endpoint.source === 'assumed').map(([name]) => name);
    expect(assumed).toEqual(['listCategories', 'getCategory', 'deleteCategory']);
  });
});

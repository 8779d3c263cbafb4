import { pagesCovering } from '../../../../src/platforms/bigcommerce/paging';

describe('offset windows as BigCommerce pages (docs/platforms/bigcommerce.md#paging)', () => {
  test('a window that starts on a page boundary of its own size is that one page', () => {
    expect(pagesCovering(0, 20, 250)).toEqual({ perPage: 20, firstPage: 1, lastPage: 1, skip: 0 });
    expect(pagesCovering(3, 3, 250)).toEqual({ perPage: 3, firstPage: 2, lastPage: 2, skip: 0 });
    expect(pagesCovering(500, 250, 250)).toEqual({ perPage: 250, firstPage: 3, lastPage: 3, skip: 0 });
  });

  test('any other window is the smallest single page that holds it', () => {
    // 5..6 straddles pages of 2 and of 3; page 2 of size 4 (4..7) holds it.
    expect(pagesCovering(5, 2, 250)).toEqual({ perPage: 4, firstPage: 2, lastPage: 2, skip: 1 });
    const cover = pagesCovering(21, 20, 250);
    expect(cover.firstPage).toBe(cover.lastPage);
    expect((cover.firstPage - 1) * cover.perPage + cover.skip).toBe(21);
    expect(cover.skip + 20).toBeLessThanOrEqual(cover.perPage);
    expect(pagesCovering(240, 20, 250)).toEqual({ perPage: 20, firstPage: 13, lastPage: 13, skip: 0 });
  });

  test('a window no page of the largest size holds takes consecutive pages of that size', () => {
    expect(pagesCovering(0, 500, 250)).toEqual({ perPage: 250, firstPage: 1, lastPage: 2, skip: 0 });
    expect(pagesCovering(125, 250, 250)).toEqual({ perPage: 250, firstPage: 1, lastPage: 2, skip: 125 });
    expect(pagesCovering(249, 250, 250)).toEqual({ perPage: 250, firstPage: 1, lastPage: 2, skip: 249 });
  });

  test.each([
    [0, 1],
    [7, 13],
    [99, 50],
    [1000, 499],
    [12345, 250],
  ])('offset %i, limit %i: the pages hold exactly the window', (offset, limit) => {
    const { perPage, firstPage, lastPage, skip } = pagesCovering(offset, limit, 250);
    expect(perPage).toBeLessThanOrEqual(250);
    expect((firstPage - 1) * perPage + skip).toBe(offset);
    expect(lastPage * perPage).toBeGreaterThanOrEqual(offset + limit);
  });
});

import { ErrorCode } from '../../../../src/domain/errorCode';
import { bigCommerceFault, categoryNotFound, errorMessageOf, itemErrorsOf, rateLimitResetMs } from '../../../../src/platforms/bigcommerce/faults';
import { upstreamAnswer as answer } from '../../../support/upstreamAnswer';

const notFound = categoryNotFound('5');

describe('BigCommerce statuses in the gateway terms (docs/platforms/bigcommerce.md#faults)', () => {
  test.each([
    [400, ErrorCode.UPSTREAM_ERROR, false],
    [404, ErrorCode.CATEGORY_NOT_FOUND, false],
    [409, ErrorCode.CONFLICT, false],
    [422, ErrorCode.BAD_USER_INPUT, false],
    [429, ErrorCode.RATE_LIMITED, true],
    [401, ErrorCode.STORE_MISCONFIGURED, false],
    [403, ErrorCode.STORE_MISCONFIGURED, false],
    [500, ErrorCode.UPSTREAM_UNAVAILABLE, true],
    [503, ErrorCode.UPSTREAM_UNAVAILABLE, true],
    [413, ErrorCode.UPSTREAM_ERROR, false],
  ])('HTTP %i is %s (retryable: %s)', (status, code, retryable) => {
    const fault = bigCommerceFault(answer(status), notFound);
    expect(fault.code).toBe(code);
    expect(fault.retryable).toBe(retryable);
    expect(fault.upstreamStatus).toBe(status);
  });

  test('a 404 is about what the operation says it is', () => {
    const fault = bigCommerceFault(answer(404, { status: 404, title: 'Not Found', type: 'x' }), { code: ErrorCode.PRODUCT_NOT_FOUND, message: 'Product 7 does not exist' });
    expect(fault.code).toBe(ErrorCode.PRODUCT_NOT_FOUND);
    expect(fault.message).toBe('Product 7 does not exist');
    expect(bigCommerceFault(answer(404), notFound).field).toEqual(['categoryId']);
  });

  test("a 422 names the input field its errors are about, in the gateway's words, with BigCommerce's message", () => {
    const body = (errors: Record<string, string>) => ({
      status: 422,
      title: 'JSON data is missing or invalid',
      type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
      errors,
    });
    const name = bigCommerceFault(answer(422, body({ name: 'The name must be unique among its siblings' })), notFound);
    expect(name).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: ['name'] });
    expect(name.message).toContain('The name must be unique among its siblings');
    expect(bigCommerceFault(answer(422, body({ '0.parent_id': 'bad parent' })), notFound).field).toEqual(['parentId']);
    expect(bigCommerceFault(answer(422, body({ '1.sort_order': 'too large' })), notFound).field).toEqual(['position']);
    expect(bigCommerceFault(answer(422, body({ is_visible: 'not a boolean' })), notFound).field).toEqual(['enabled']);
    expect(bigCommerceFault(answer(422, body({ something_else: 'odd' })), notFound).field).toBeUndefined();
    // No body at all is still the input's fault.
    expect(bigCommerceFault(answer(422, 'garbage'), notFound)).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: undefined });
  });

  test('upstream messages are shortened', () => {
    const fault = bigCommerceFault(answer(422, { status: 422, title: 'Invalid', errors: { name: 'x'.repeat(1000) } }), notFound);
    expect(fault.message.length).toBeLessThan(400);
  });

  test('a 429 waits for the quota window: X-Rate-Limit-Time-Reset-Ms, in whole seconds; Retry-After only without it', () => {
    expect(bigCommerceFault(answer(429, undefined, { 'x-rate-limit-time-reset-ms': '2400', 'retry-after': '9' }), notFound).retryAfterSeconds).toBe(3);
    expect(bigCommerceFault(answer(429, undefined, { 'retry-after': '9' }), notFound).retryAfterSeconds).toBe(9);
    expect(bigCommerceFault(answer(429), notFound).retryAfterSeconds).toBeUndefined();
  });

  test('the reset time is read from a 429 only: other answers carry the header too but are no reason to wait for it', () => {
    const headers = { 'x-rate-limit-time-reset-ms': '15000', 'x-rate-limit-requests-left': '3' };
    expect(rateLimitResetMs(answer(429, undefined, headers))).toBe(15000);
    expect(rateLimitResetMs(answer(503, undefined, headers))).toBeUndefined();
    expect(rateLimitResetMs(answer(200, undefined, headers))).toBeUndefined();
    expect(rateLimitResetMs(answer(429, undefined, { 'x-rate-limit-time-reset-ms': 'soon' }))).toBeUndefined();
    expect(rateLimitResetMs({ status: 429, headers: { 'x-rate-limit-time-reset-ms': ['120', '99'] }, text: '' })).toBe(120);
  });

  test('per-item failures are read wherever the error object sits: flat, nested under errors, or an array', () => {
    const items = { '0.product_id': 'Product 9 does not exist', '2.category_id': 'Category 5 does not exist' };
    const expected = [
      { index: 0, field: 'product_id', message: 'Product 9 does not exist' },
      { index: 2, field: 'category_id', message: 'Category 5 does not exist' },
    ];
    // Products and categories endpoints: flat.
    expect(itemErrorsOf(answer(422, { status: 422, title: 'Invalid', type: 't', errors: items }))).toEqual(expected);
    // Tree endpoints: nested under errors, beside meta.
    expect(itemErrorsOf(answer(422, { errors: { status: 422, title: 'Invalid', type: 't', errors: items }, meta: { total: 3, success: 0, failed: 3 } }))).toEqual(expected);
    // A 207 with an array of error objects.
    expect(itemErrorsOf(answer(207, { data: [], errors: [{ status: 422, title: 'Invalid', errors: items }], meta: {} }))).toEqual(expected);
    // A key without an index is a parameter.
    expect(itemErrorsOf(answer(422, { status: 422, title: 'Bad filter', errors: { 'category_id:in': 'x' } }))).toEqual([
      { index: undefined, field: 'category_id:in', message: 'x' },
    ]);
    expect(itemErrorsOf(answer(401, 'Unauthorized'))).toEqual([]);
  });

  test('the message: item messages first, else the title', () => {
    expect(errorMessageOf(answer(422, { errors: { status: 422, title: 'The categories were not valid', errors: { '0.name': 'name is required' } } }))).toBe('name is required');
    expect(errorMessageOf(answer(422, { status: 422, title: 'Product 5 is not assigned to category 7', type: 't' }))).toBe('Product 5 is not assigned to category 7');
    expect(errorMessageOf(answer(401, 'Unauthorized: the X-Auth-Token header is missing'))).toBeUndefined();
  });

  test('a nested 422 of the tree endpoints names its field', () => {
    const fault = bigCommerceFault(
      answer(422, { errors: { status: 422, title: 'Invalid', type: 't', errors: { '0.name': 'A sibling category is already named "Mugs"' } }, meta: {} }),
      notFound,
    );
    expect(fault).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: ['name'] });
    expect(fault.message).toContain('already named');
  });
});

import { ErrorCode } from '../../../../src/domain/errorCode';
import { ecwidFault } from '../../../../src/platforms/ecwid/faults';
import { upstreamAnswer as answer } from '../../../support/upstreamAnswer';

const notFound = { code: ErrorCode.CATEGORY_NOT_FOUND, message: 'Category 5 does not exist', field: ['categoryId'] };

describe('Ecwid statuses in the gateway terms (README, "Errors"; docs/platforms/ecwid.md#faults)', () => {
  test.each([
    [400, ErrorCode.BAD_USER_INPUT, false],
    [402, ErrorCode.PLAN_LIMIT_REACHED, false],
    [404, ErrorCode.CATEGORY_NOT_FOUND, false],
    [449, ErrorCode.CATALOG_LOCKED, true],
    [429, ErrorCode.RATE_LIMITED, true],
    [401, ErrorCode.STORE_MISCONFIGURED, false],
    [403, ErrorCode.STORE_MISCONFIGURED, false],
    [500, ErrorCode.UPSTREAM_UNAVAILABLE, true],
    [503, ErrorCode.UPSTREAM_UNAVAILABLE, true],
    [413, ErrorCode.UPSTREAM_ERROR, false],
  ])('HTTP %i is %s (retryable: %s)', (status, code, retryable) => {
    const fault = ecwidFault(answer(status), notFound);
    expect(fault.code).toBe(code);
    expect(fault.retryable).toBe(retryable);
    expect(fault.upstreamStatus).toBe(status);
  });

  test('a 404 is about what the operation says it is', () => {
    const fault = ecwidFault(answer(404), { code: ErrorCode.PRODUCT_NOT_FOUND, message: 'Product 7 does not exist' });
    expect(fault.code).toBe(ErrorCode.PRODUCT_NOT_FOUND);
    expect(fault.message).toBe('Product 7 does not exist');
    expect(ecwidFault(answer(404), notFound).field).toEqual(['categoryId']);
  });

  test('409 "retry later" is retryable, a data validation 409 is not', () => {
    expect(ecwidFault(answer(409, { errorMessage: 'There was a conflict modifying the store. Retry later.' }), notFound).retryable).toBe(true);
    expect(ecwidFault(answer(409, { errorMessage: 'Data validation error' }), notFound).retryable).toBe(false);
    expect(ecwidFault(answer(409), notFound).code).toBe(ErrorCode.CONFLICT);
  });

  test('429 carries Retry-After as retryAfterSeconds', () => {
    expect(ecwidFault(answer(429, undefined, { 'retry-after': '7' }), notFound).retryAfterSeconds).toBe(7);
  });

  test("Ecwid's errorMessage reaches the client, shortened", () => {
    const fault = ecwidFault(answer(400, { errorMessage: `Wrong numeric parameter 'id' ${'x'.repeat(1000)}` }), notFound);
    expect(fault.message).toContain("Wrong numeric parameter 'id'");
    expect(fault.message.length).toBeLessThan(400);
  });
});

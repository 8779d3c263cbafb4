import { ErrorCode } from '../../../../src/domain/errorCode';
import { CATEGORY_INPUT_FIELDS, sfccFault } from '../../../../src/platforms/sfcc/faults';
import type { UpstreamResponse } from '../../../../src/upstream/types';

const answer = (status: number, type: string, message = '', args?: Record<string, string>): UpstreamResponse => ({
  status,
  headers: {},
  text: JSON.stringify({ _v: '23.2', fault: { type, message, ...(args ? { arguments: args } : {}) } }),
});

describe('SFCC fault documents → GatewayFault', () => {
  test.each([
    [404, 'CategoryNotFoundException', ErrorCode.CATEGORY_NOT_FOUND],
    [404, 'ProductNotFoundException', ErrorCode.PRODUCT_NOT_FOUND],
    [404, 'CategoryProductAssignmentNotFoundException', ErrorCode.ASSIGNMENT_NOT_FOUND],
    [400, 'IdConflictException', ErrorCode.CONFLICT],
    [400, 'CategoryDuplicateException', ErrorCode.CONFLICT],
    [409, 'ResourceStateConflictException', ErrorCode.CONFLICT],
    [400, 'CategoryInvalidException', ErrorCode.BAD_USER_INPUT],
    [404, 'CatalogNotFoundException', ErrorCode.STORE_MISCONFIGURED],
    [401, 'InvalidAccessTokenException', ErrorCode.STORE_MISCONFIGURED],
    [404, 'NotFoundException', ErrorCode.STORE_MISCONFIGURED],
    [400, 'MalformedParameterException', ErrorCode.UPSTREAM_ERROR],
    [500, 'InternalServerErrorException', ErrorCode.UPSTREAM_UNAVAILABLE],
  ])('%i %s → %s', (status, type, code) => {
    const fault = sfccFault(answer(status, type));
    expect(fault.code).toBe(code);
    expect(fault.upstreamStatus).toBe(status);
  });

  test("CategoryInvalidException's field argument, under the input's name", () => {
    const fault = sfccFault(answer(400, 'CategoryInvalidException', 'invalid', { field: 'parent_category_id' }), { fields: CATEGORY_INPUT_FIELDS });
    expect(fault.field).toEqual(['parentId']);
    expect(sfccFault(answer(400, 'CategoryInvalidException', 'invalid', { field: 'page_title' }), { fields: CATEGORY_INPUT_FIELDS }).field).toEqual(['page_title']);
  });

  test('documents without arguments (docs/platforms/sfcc.md#faults): the field and ids come from the message', () => {
    const invalid = sfccFault(
      answer(400, 'CategoryInvalidException', "The field 'parent_category_id' for the category with catalog ID ''main-catalog' and category ID 'category1' is invalid."),
      { fields: CATEGORY_INPUT_FIELDS },
    );
    expect(invalid.field).toEqual(['parentId']);
    const missing = sfccFault(answer(404, 'CategoryNotFoundException', "No category with ID 'root' for catalog 'main-catalog' was found."), { categoryField: ['parentId'] });
    expect(missing).toMatchObject({ message: 'Category root does not exist', field: ['parentId'] });
  });

  test('a per-product fault names its product', () => {
    expect(sfccFault(answer(404, 'ProductNotFoundException', 'x'), { productId: 'P-1' })).toMatchObject({ productId: 'P-1', message: 'Product P-1 does not exist' });
  });

  test('a stale resource state is retryable after a re-read; a 4xx without a fault document is UPSTREAM_ERROR', () => {
    expect(sfccFault(answer(409, 'ResourceStateConflictException')).retryable).toBe(true);
    expect(sfccFault({ status: 418, headers: {}, text: 'teapot' }).code).toBe(ErrorCode.UPSTREAM_ERROR);
  });
});

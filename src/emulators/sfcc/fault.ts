export const OCAPI_VERSION = '23.2';

/** OCAPI fault types the emulator answers with, and the HTTP status OCAPI sends each with (docs/platforms/sfcc.md#faults). */
export const FAULT_STATUS = {
  BodyDecodingException: 400,
  CategoryDuplicateException: 400,
  CategoryInvalidException: 400,
  FieldNotSortableException: 400,
  IdConflictException: 400,
  MalformedParameterException: 400,
  InvalidAccessTokenException: 401,
  CatalogNotFoundException: 404,
  CategoryNotFoundException: 404,
  CategoryProductAssignmentNotFoundException: 404,
  NotFoundException: 404,
  ProductNotFoundException: 404,
  ResourceStateConflictException: 409,
} as const;

export type SfccFaultType = keyof typeof FAULT_STATUS;

/** A platform rule was broken; the routes answer it with an OCAPI fault document. */
export class SfccFault extends Error {
  constructor(
    readonly type: SfccFaultType,
    message: string,
    readonly args: Record<string, string> = {},
  ) {
    super(message);
  }

  get status(): number {
    return FAULT_STATUS[this.type];
  }

  /** The wire document: `{"_v":"23.2","fault":{"type","message","arguments"}}`. */
  toDocument(): { _v: string; fault: { type: SfccFaultType; message: string; arguments: Record<string, string> } } {
    return { _v: OCAPI_VERSION, fault: { type: this.type, message: this.message, arguments: this.args } };
  }
}

/** The category document names an invalid field; the gateway reports `field` back to the user. */
export function categoryInvalid(catalogId: string, categoryId: string, field: string): SfccFault {
  return new SfccFault('CategoryInvalidException', `The field '${field}' for the category with catalog ID '${catalogId}' and category ID '${categoryId}' is invalid.`, {
    catalogId,
    categoryId,
    field,
  });
}

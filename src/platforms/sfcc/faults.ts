import { ErrorCode } from '../../domain/errorCode';
import { GatewayFault } from '../../domain/gatewayFault';
import type { UpstreamResponse } from '../../upstream/types';
import { statusFault } from '../../upstream/upstreamFaults';
import { type SfccFaultDocument, SfccFaultDocumentSchema } from './wire';

const PLATFORM = 'SFCC';

/**
 * What the operation knows that the fault document does not: which input field a category or product fault
 * is about (a missing category is `categoryId` on a read, `parentId` on a create), the product of a per-product
 * write, and the input names of the category document's fields.
 */
export interface SfccFaultContext {
  categoryField?: string[];
  productId?: string;
  /** OCAPI field → input field, e.g. parent_category_id → parentId. */
  fields?: Record<string, string>;
}

/** The category document's fields under the names of the gateway's inputs. */
export const CATEGORY_INPUT_FIELDS: Record<string, string> = {
  id: 'nativeId',
  name: 'name',
  description: 'description',
  online: 'enabled',
  parent_category_id: 'parentId',
  position: 'position',
};

/** The fault document of an answer, when it is one. */
export function faultDocumentOf(response: UpstreamResponse): SfccFaultDocument['fault'] | undefined {
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    return undefined;
  }
  const parsed = SfccFaultDocumentSchema.safeParse(body);
  return parsed.success ? parsed.data.fault : undefined;
}

/** An OCAPI fault (docs/platforms/sfcc.md#faults) in the gateway's terms. */
export function sfccFault(response: UpstreamResponse, context: SfccFaultContext = {}): GatewayFault {
  const fault = faultDocumentOf(response);
  const upstreamStatus = response.status;
  const args = fault?.arguments ?? {};
  const argument = (name: string) => (typeof args[name] === 'string' && args[name] ? (args[name] as string) : undefined);
  switch (fault?.type) {
    case 'CategoryNotFoundException': {
      const categoryId = argument('categoryId') ?? quoted(fault.message, 'ID');
      return new GatewayFault(ErrorCode.CATEGORY_NOT_FOUND, `${named('Category', categoryId)} does not exist`, {
        upstreamStatus,
        field: context.categoryField ?? ['categoryId'],
      });
    }
    case 'ProductNotFoundException': {
      const productId = context.productId ?? argument('productId') ?? quoted(fault.message, 'ID');
      // assignProducts points the field at the product's index in the input; elsewhere it is `productId`.
      return new GatewayFault(ErrorCode.PRODUCT_NOT_FOUND, `${named('Product', productId)} does not exist`, { upstreamStatus, productId, field: ['productId'] });
    }
    case 'CategoryProductAssignmentNotFoundException':
      return new GatewayFault(ErrorCode.ASSIGNMENT_NOT_FOUND, `${named('Product', context.productId)} is not assigned to the category`, {
        upstreamStatus,
        productId: context.productId,
        field: ['productId'],
      });
    case 'CategoryDuplicateException':
      return new GatewayFault(ErrorCode.CONFLICT, 'A category with this id already exists in the catalog', { upstreamStatus, field: ['nativeId'] });
    case 'IdConflictException':
      return new GatewayFault(ErrorCode.CONFLICT, 'SFCC found the id in the request document different from the one in the URL', { upstreamStatus });
    case 'ResourceStateConflictException':
      // The category changed (elsewhere) since the gateway last read it; the adapter forgets the state it sent.
      return new GatewayFault(ErrorCode.CONFLICT, 'The category changed since the gateway last read it; read it again and retry', {
        upstreamStatus,
        retryable: true,
      });
    case 'CategoryInvalidException': {
      const wireField = argument('field') ?? quoted(fault.message, 'field');
      const field = wireField === undefined ? undefined : [context.fields?.[wireField] ?? wireField];
      return new GatewayFault(ErrorCode.BAD_USER_INPUT, `SFCC rejected the category: ${wireField ? `'${wireField}' is invalid` : 'invalid category'}`, {
        upstreamStatus,
        field,
      });
    }
    case 'CatalogNotFoundException':
      return new GatewayFault(ErrorCode.STORE_MISCONFIGURED, "The store's SFCC catalog does not exist: check catalogId in the configuration", { upstreamStatus });
    case 'NotFoundException':
      // OCAPI's answer for a resource it does not know: the baseUrl (version, path) is wrong.
      return new GatewayFault(ErrorCode.STORE_MISCONFIGURED, "SFCC does not know the requested resource: check the store's baseUrl (…/dw/data/v23_2)", {
        upstreamStatus,
      });
    default:
      return statusFault(PLATFORM, response, fault && `SFCC answered HTTP ${upstreamStatus} (${fault.type})`);
  }
}

function named(kind: string, id: string | undefined): string {
  return id ? `${kind} ${id}` : `The ${kind.toLowerCase()}`;
}

/** `'value'` after a word in a fault message: "No category with ID 'x'…", "The field 'name' for…". */
function quoted(message: string | undefined, after: string): string | undefined {
  const match = new RegExp(`${after} '([^']*)'`).exec(message ?? '');
  return match?.[1] || undefined;
}

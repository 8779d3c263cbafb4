import { registerEnumType } from 'type-graphql';
import { ErrorCode } from '../../domain/errorCode';
import { Platform } from '../../domain/platform';

registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description: 'Codes shared by userErrors in mutation payloads and extensions.code of top-level errors.',
});
registerEnumType(Platform, { name: 'Platform' });

export { ErrorCode, Platform };

import { registerEnumType } from 'type-graphql';
import { ErrorCode } from '../../domain/errorCode';

registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description: 'Codes shared by userErrors in mutation payloads and extensions.code of top-level errors.',
});

/**
 * The Platform enum: one value per registered platform. The schema layer names no platform; whoever
 * builds the schema says which there are (buildGatewaySchema's `platforms`).
 */
export const Platform: Record<string, string> = {};
registerEnumType(Platform, { name: 'Platform' });

/** Makes the Platform enum's values these names (the platforms' GraphQL names, e.g. ECWID). */
export function definePlatformValues(names: readonly string[]): void {
  for (const name of Object.keys(Platform)) delete Platform[name];
  for (const name of names) Platform[name] = name;
}

export { ErrorCode };

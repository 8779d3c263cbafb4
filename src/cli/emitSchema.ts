import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PLATFORMS } from '../platforms';
import { buildGatewaySchema, printGatewaySchema } from '../schema/buildGatewaySchema';

/** Writes schema.graphql from the code (npm run schema). */
const target = resolve(__dirname, '..', '..', 'schema.graphql');
writeFileSync(target, printGatewaySchema(buildGatewaySchema({ platforms: PLATFORMS.map((platform) => platform.graphqlName) })));
console.log(`wrote ${target}`);

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printGatewaySchema } from '../schema/buildGatewaySchema';

/** Writes schema.graphql from the code (npm run schema). */
const target = resolve(__dirname, '..', '..', 'schema.graphql');
writeFileSync(target, printGatewaySchema());
console.log(`wrote ${target}`);

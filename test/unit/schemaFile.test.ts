import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printGatewaySchema } from '../../src/schema/buildGatewaySchema';

test('the committed schema.graphql is what the code emits (run `npm run schema` after changing the schema)', () => {
  const committed = readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
  expect(committed).toBe(printGatewaySchema());
});

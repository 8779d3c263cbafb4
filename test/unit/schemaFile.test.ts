import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLATFORMS } from '../../src/platforms';
import { buildGatewaySchema, printGatewaySchema } from '../../src/schema/buildGatewaySchema';

test('the committed schema.graphql is what the code emits (run `npm run schema` after changing the schema)', () => {
  const committed = readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
  expect(committed).toBe(printGatewaySchema(buildGatewaySchema({ platforms: PLATFORMS.map((platform) => platform.graphqlName) })));
});

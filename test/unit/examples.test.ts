import { buildSchema, isObjectType, Kind, OperationTypeNode, parse, TypeInfo, validate, visit, visitWithTypeInfo } from 'graphql';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The client kit in examples/: documents users copy into their apps, written for Apollo Client's cache. */
const ROOT = join(__dirname, '..', '..');
const schema = buildSchema(readFileSync(join(ROOT, 'schema.graphql'), 'utf8'));
const examples = readdirSync(join(ROOT, 'examples'))
  .filter((file) => file.endsWith('.graphql'))
  .map((file) => [file, parse(readFileSync(join(ROOT, 'examples', file), 'utf8'))] as const);
const mutations = examples.filter(([, document]) =>
  document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.MUTATION),
);

test.each(examples)('%s validates against schema.graphql', (_file, document) => {
  expect(validate(schema, document).map((error) => error.message)).toEqual([]);
});

test.each(mutations)("%s selects id on every object that has one, so Apollo Client's cache takes in what the mutation changed", (_file, document) => {
  const typeInfo = new TypeInfo(schema);
  const missing: string[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet(selectionSet) {
        const type = typeInfo.getParentType();
        if (!isObjectType(type) || !type.getFields().id) return;
        const selectsId = selectionSet.selections.some((selection) => selection.kind === Kind.FIELD && selection.name.value === 'id' && (selection.alias?.value ?? 'id') === 'id');
        if (!selectsId) missing.push(`${type.name} at line ${selectionSet.loc?.startToken.line}`);
      },
    }),
  );
  expect(missing).toEqual([]);
});

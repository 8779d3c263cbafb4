import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, getNamedType, GraphQLSchema, TypeInfo, visit, visitWithTypeInfo, BREAK } from 'graphql';
import type { GatewayContext } from '../context';

/** Category fields whose answers lie elsewhere in the tree. */
const TREE_FIELDS = new Set(['children', 'parent', 'ancestors']);

/**
 * Tells the request's store sessions, before execution, when the operation walks the category tree, so
 * that an adapter can read the tree at once (Ecwid's category index) instead of discovering it one
 * level at a time. Decided once per parsed document.
 */
export function categoryTreeWalk(): ApolloServerPlugin<GatewayContext> {
  const verdicts = new WeakMap<DocumentNode, boolean>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, contextValue }) {
          let walks = verdicts.get(document);
          if (walks === undefined) {
            walks = selectsTreeFields(document, schema);
            verdicts.set(document, walks);
          }
          if (walks) contextValue.sessions.expectCategoryTreeWalk();
        },
      };
    },
  };
}

function selectsTreeFields(document: DocumentNode, schema: GraphQLSchema): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && getNamedType(parent).name === 'Category' && TREE_FIELDS.has(node.name.value)) {
          found = true;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return found;
}

// GraphQL Mesh over the Ecwid emulator, generated as a user would: an OpenAPI source (ecwid.openapi.yaml)
// composed by @graphql-mesh/compose-cli, the nesting Ecwid's REST lacks added with @resolveTo.
// ECWID_ENDPOINT (…/api/v3/{storeId}) and ECWID_TOKEN come from the environment at compose time.
import { defineConfig } from '@graphql-mesh/compose-cli';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';

export const composeConfig = defineConfig({
  subgraphs: [
    {
      sourceHandler: loadOpenAPISubgraph('Ecwid', {
        source: './ecwid.openapi.yaml',
        endpoint: process.env.ECWID_ENDPOINT,
        operationHeaders: { Authorization: `Bearer ${process.env.ECWID_TOKEN}` },
      }),
    },
  ],
  additionalTypeDefs: /* GraphQL */ `
    extend type Category {
      children(first: Int): CategoriesSearchResult
        @resolveTo(
          sourceName: "Ecwid"
          sourceTypeName: "Query"
          sourceFieldName: "searchCategories"
          requiredSelectionSet: "{ id }"
          sourceArgs: { parent: "{root.id}", limit: "{args.first}" }
        )
      products: ProductsSearchResult
        @resolveTo(
          sourceName: "Ecwid"
          sourceTypeName: "Query"
          sourceFieldName: "searchProducts"
          requiredSelectionSet: "{ productIds }"
          sourceArgs: { productId: "{root.productIds}" }
        )
    }
  `,
});

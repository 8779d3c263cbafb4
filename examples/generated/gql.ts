/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation AssignProducts($input: AssignProductsInput!) {\n  assignProducts(input: $input) {\n    category {\n      id\n      productCount\n      products(first: 100) {\n        nodes {\n          position\n          product {\n            id\n            nativeId\n            name\n          }\n        }\n      }\n    }\n    assignments {\n      position\n      category {\n        id\n      }\n      product {\n        id\n        nativeId\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n      retryable\n    }\n  }\n}": typeof types.AssignProductsDocument,
    "query CategoryPage($id: ID!, $first: Int = 50, $after: String) {\n  category(id: $id) {\n    id\n    name\n    ancestors {\n      id\n      name\n    }\n    products(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        position\n        product {\n          id\n          nativeId\n          sku\n          name\n        }\n      }\n    }\n  }\n}": typeof types.CategoryPageDocument,
    "mutation MoveProduct($input: MoveProductInput!) {\n  moveProduct(input: $input) {\n    category {\n      id\n      products(first: 100) {\n        nodes {\n          position\n          product {\n            id\n            nativeId\n          }\n        }\n      }\n    }\n    assignment {\n      position\n      category {\n        id\n      }\n      product {\n        id\n        nativeId\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": typeof types.MoveProductDocument,
    "query StorefrontMenu($storeId: ID!) {\n  categories(storeId: $storeId, rootsOnly: true, first: 20) {\n    nodes {\n      id\n      name\n      url\n      children(first: 20) {\n        nodes {\n          id\n          name\n          children(first: 20) {\n            nodes {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n}": typeof types.StorefrontMenuDocument,
};
const documents: Documents = {
    "mutation AssignProducts($input: AssignProductsInput!) {\n  assignProducts(input: $input) {\n    category {\n      id\n      productCount\n      products(first: 100) {\n        nodes {\n          position\n          product {\n            id\n            nativeId\n            name\n          }\n        }\n      }\n    }\n    assignments {\n      position\n      category {\n        id\n      }\n      product {\n        id\n        nativeId\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n      retryable\n    }\n  }\n}": types.AssignProductsDocument,
    "query CategoryPage($id: ID!, $first: Int = 50, $after: String) {\n  category(id: $id) {\n    id\n    name\n    ancestors {\n      id\n      name\n    }\n    products(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        position\n        product {\n          id\n          nativeId\n          sku\n          name\n        }\n      }\n    }\n  }\n}": types.CategoryPageDocument,
    "mutation MoveProduct($input: MoveProductInput!) {\n  moveProduct(input: $input) {\n    category {\n      id\n      products(first: 100) {\n        nodes {\n          position\n          product {\n            id\n            nativeId\n          }\n        }\n      }\n    }\n    assignment {\n      position\n      category {\n        id\n      }\n      product {\n        id\n        nativeId\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}": types.MoveProductDocument,
    "query StorefrontMenu($storeId: ID!) {\n  categories(storeId: $storeId, rootsOnly: true, first: 20) {\n    nodes {\n      id\n      name\n      url\n      children(first: 20) {\n        nodes {\n          id\n          name\n          children(first: 20) {\n            nodes {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n}": types.StorefrontMenuDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AssignProducts($input: AssignProductsInput!) {\n  assignProducts(input: $input) {\n    category {\n      id\n      productCount\n      products(first: 100) {\n        nodes {\n          position\n          product {\n            id\n            nativeId\n            name\n          }\n        }\n      }\n    }\n    assignments {\n      position\n      category {\n        id\n      }\n      product {\n        id\n        nativeId\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n      retryable\n    }\n  }\n}"): (typeof documents)["mutation AssignProducts($input: AssignProductsInput!) {\n  assignProducts(input: $input) {\n    category {\n      id\n      productCount\n      products(first: 100) {\n        nodes {\n          position\n          product {\n            id\n            nativeId\n            name\n          }\n        }\n      }\n    }\n    assignments {\n      position\n      category {\n        id\n      }\n      product {\n        id\n        nativeId\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n      retryable\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CategoryPage($id: ID!, $first: Int = 50, $after: String) {\n  category(id: $id) {\n    id\n    name\n    ancestors {\n      id\n      name\n    }\n    products(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        position\n        product {\n          id\n          nativeId\n          sku\n          name\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query CategoryPage($id: ID!, $first: Int = 50, $after: String) {\n  category(id: $id) {\n    id\n    name\n    ancestors {\n      id\n      name\n    }\n    products(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        position\n        product {\n          id\n          nativeId\n          sku\n          name\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MoveProduct($input: MoveProductInput!) {\n  moveProduct(input: $input) {\n    category {\n      id\n      products(first: 100) {\n        nodes {\n          position\n          product {\n            id\n            nativeId\n          }\n        }\n      }\n    }\n    assignment {\n      position\n      category {\n        id\n      }\n      product {\n        id\n        nativeId\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"): (typeof documents)["mutation MoveProduct($input: MoveProductInput!) {\n  moveProduct(input: $input) {\n    category {\n      id\n      products(first: 100) {\n        nodes {\n          position\n          product {\n            id\n            nativeId\n          }\n        }\n      }\n    }\n    assignment {\n      position\n      category {\n        id\n      }\n      product {\n        id\n        nativeId\n      }\n    }\n    userErrors {\n      code\n      field\n      message\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StorefrontMenu($storeId: ID!) {\n  categories(storeId: $storeId, rootsOnly: true, first: 20) {\n    nodes {\n      id\n      name\n      url\n      children(first: 20) {\n        nodes {\n          id\n          name\n          children(first: 20) {\n            nodes {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query StorefrontMenu($storeId: ID!) {\n  categories(storeId: $storeId, rootsOnly: true, first: 20) {\n    nodes {\n      id\n      name\n      url\n      children(first: 20) {\n        nodes {\n          id\n          name\n          children(first: 20) {\n            nodes {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
/** A tab the explorer opens with: the README's "Try it" operations against the demo's stores, named so the tabs are. */
export interface ExampleTab {
  query: string;
}

export const EXAMPLE_TABS: ExampleTab[] = [
  {
    query: `# The storefront menu of every store, in one request
query StorefrontMenu {
  stores {
    id
    platform
    capabilities { moveProduct createCategory }
    categories(rootsOnly: true, first: 10) {
      nodes { name children(first: 20) { nodes { name } } }
    }
  }
}
`,
  },
  {
    query: `# A category page (the demo's SFCC store)
query CategoryPage {
  category(id: "gid://categraph/Category/sfcc-demo/womens-clothing-dresses") {
    name
    ancestors { name }
    products(first: 20) { totalCount nodes { position product { id sku name } } }
  }
}
`,
  },
  {
    query: `# A merchandising tool's move (the demo's Ecwid store): the product goes first
mutation MoveProduct {
  moveProduct(input: {
    categoryId: "gid://categraph/Category/ecwid-demo/9691001"
    productId: "gid://categraph/Product/ecwid-demo/37208002"
    position: 0
  }) {
    assignment { position product { name } }
    userErrors { code field message }
  }
}
`,
  },
];

/** A tab the explorer opens with: the README's "Try it" operations against the demo's stores, named so the tabs are. */
export interface ExampleTab {
  query: string;
}

/** The storefront menu of every store, whatever the platforms. */
const STOREFRONT_MENU: ExampleTab = {
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
};

/** The tabs: the storefront menu, then the platforms' demo operations, reads before writes. */
export function exampleTabs(platformExamples: readonly string[]): ExampleTab[] {
  const isMutation = (query: string) => /^(\s*#.*\n)*\s*mutation\b/.test(query);
  const ordered = [...platformExamples.filter((query) => !isMutation(query)), ...platformExamples.filter(isMutation)];
  return [STOREFRONT_MENU, ...ordered.map((query) => ({ query }))];
}

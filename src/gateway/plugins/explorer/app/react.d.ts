// React 18 ships no types and @types/react is not a dependency: the two calls the entry makes.
declare module 'react' {
  export function createElement(type: unknown, props?: object | null): unknown;
}

declare module 'react-dom/client' {
  export function createRoot(container: Element): { render(element: unknown): void };
}

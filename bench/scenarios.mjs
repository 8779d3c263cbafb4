// What is measured: each scenario on one platform, and how to tell that a target answered it in full.

const NAME_KEYS = new Set(['name', 'product_name']);
/** A name as GraphQL and most REST APIs give it, or OCAPI's localized `{ default: … }`. */
const isName = (value) => typeof value === 'string' || typeof value?.default === 'string';

/** Every name in a GraphQL or REST answer, however the target nests it. */
function countNames(value) {
  if (Array.isArray(value)) return value.reduce((sum, item) => sum + countNames(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  return Object.entries(value).reduce((sum, [key, item]) => sum + (NAME_KEYS.has(key) && isName(item) ? 1 : countNames(item)), 0);
}

const tree = { kind: 'tree', title: 'storefront tree (1 + 20 + 200)', complete: (answer) => countNames(answer) >= 220 };
const page = { kind: 'page', title: 'category page (50 products)', complete: (answer) => countNames(answer) >= 50 };
const mix = { kind: 'mix', title: 'merchandising mix (page reads, 10 % moves and assigns)', complete: (answer) => countNames(answer) >= 50 };
const storefront = {
  kind: 'storefront',
  title: 'storefront while a merchandiser writes (tree and page reads; 10 moves and assigns a second on the page)',
  writesPerSecond: 10,
  complete: (answer) => countNames(answer) >= 50,
};

/** Every emulated platform (each emulator's latency is set alike). */
export const UPSTREAM_PLATFORMS = ['ecwid', 'sfcc', 'zaveit', 'bigcommerce'];

export const SCENARIOS = [
  { ...tree, platform: 'ecwid' },
  { ...page, platform: 'ecwid' },
  { ...mix, platform: 'ecwid' },
  { ...storefront, platform: 'ecwid' },
  { ...tree, platform: 'sfcc' },
  { ...page, platform: 'sfcc' },
  { ...tree, platform: 'zaveit' },
  { ...page, platform: 'zaveit' },
  { ...tree, platform: 'bigcommerce' },
  { ...page, platform: 'bigcommerce' },
];

/** A scenario's operation sent once, to reject a target that answers with errors or less data. */
export async function checkAnswer(scenario, operation) {
  const request = operation.pick ? operation.read : operation.request;
  const response = await fetch(new URL(request.path, operation.url), request);
  const text = await response.text();
  const answer = JSON.parse(text);
  if (!response.ok || answer.errors || !scenario.complete(answer)) {
    throw new Error(`incomplete answer (${response.status}): ${text.slice(0, 300)}`);
  }
}

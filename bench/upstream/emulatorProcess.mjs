// The platform emulators in a process of their own, so that serving upstream requests takes no
// CPU from the load generator's event loop. Prints one JSON line with what the targets need, then serves
// until SIGTERM; the bench drives it over HTTP (/__emulator/log, /__emulator/latency).
// Argument (optional): the dist directory of the build whose emulators to run, this checkout's by default.
import { join } from 'node:path';
import { seedBigCommerce, seedEcwid, seedSfcc, seedZaveit } from './seeds.mjs';

const distDir = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'dist');
const dist = (path) => join(distDir, path);
const ecwidModule = await import(dist('emulators/ecwid/index.js'));
const sfccModule = await import(dist('emulators/sfcc/index.js'));
const zaveitModule = await import(dist('emulators/zaveit/index.js'));
const bigcommerceModule = await import(dist('emulators/bigcommerce/index.js'));

// No quotas: the load is meant to measure the servers in front, not the platforms' rate limits.
const ecwid = await ecwidModule.startEcwidEmulator({ rateLimit: false });
const sfcc = await sfccModule.startSfccEmulator({ rateLimit: false });
const zaveit = await zaveitModule.startZaveitEmulator({ rateLimit: false });
const bigcommerce = await bigcommerceModule.startBigCommerceEmulator({ rateLimit: false });

const upstreams = {
  ecwid: {
    baseUrl: ecwid.baseUrl,
    origin: ecwid.server.origin,
    storeId: ecwidModule.ECWID_DEMO_STORE_ID,
    token: ecwidModule.ECWID_DEMO_TOKEN,
    ...seedEcwid(ecwid.catalog),
  },
  sfcc: {
    baseUrl: sfcc.baseUrl,
    origin: sfcc.server.origin,
    catalogId: sfccModule.SFCC_DEFAULT_CATALOG_ID,
    token: sfccModule.SFCC_DEFAULT_TOKEN,
    ...seedSfcc(sfcc.catalog, sfccModule),
  },
  zaveit: {
    baseUrl: zaveit.baseUrl,
    origin: zaveit.server.origin,
    token: zaveitModule.ZAVEIT_DEMO_TOKEN,
    ...seedZaveit(zaveit.catalog, zaveitModule),
  },
  bigcommerce: {
    baseUrl: bigcommerce.baseUrl,
    origin: bigcommerce.server.origin,
    storeHash: bigcommerceModule.BIGCOMMERCE_DEMO_STORE_HASH,
    treeId: bigcommerceModule.BIGCOMMERCE_DEMO_TREE_ID,
    token: bigcommerceModule.BIGCOMMERCE_DEMO_TOKEN,
    ...seedBigCommerce(bigcommerce.catalog, bigcommerceModule),
  },
};
process.stdout.write(`${JSON.stringify(upstreams)}\n`);
process.once('SIGTERM', async () => {
  await Promise.all([ecwid.close(), sfcc.close(), zaveit.close(), bigcommerce.close()]);
  process.exit(0);
});

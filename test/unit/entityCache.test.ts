import { CachedReads, StoreCache } from '../../src/loaders/cachedReads';
import type { EntityCache } from '../../src/cache/entityCache';
import { MemoryEntityCache } from '../../src/cache/memoryEntityCache';
import { writeTags } from '../../src/cache/entityTags';
import { Carried } from '../../src/domain/carried';
import { ErrorCode } from '../../src/domain/errorCode';
import type { CategoryRecord } from '../../src/domain/records';
import type { CallContext, CatalogPort } from '../../src/platforms/port';

const record = (nativeId: string, name = `Category ${nativeId}`): CategoryRecord => ({
  nativeId,
  name,
  description: null,
  enabled: true,
  position: null,
  parentId: null,
  productCount: null,
  imageUrl: null,
  thumbnailUrl: null,
  url: null,
});

/** A port whose categories the test changes, counting the reads that reach it. */
function fakePort(names: Map<string, string>) {
  const calls: string[][] = [];
  const port = {
    getCategories: async (ids: readonly string[]) => {
      calls.push([...ids]);
      return new Carried().answer(ids.map((id) => (names.has(id) ? record(id, names.get(id)) : null)));
    },
  } as unknown as CatalogPort;
  return { port, calls };
}

const call = {} as CallContext;
const storeCache = (cache: EntityCache): StoreCache => ({ storeId: 'shop', cache, ttlMs: 60_000 });
const entry = (value: unknown, tags: string[] = ['t'], stamp = 0) => ({ value, tags, stamp });
const valuesOf = async (cache: EntityCache, keys: string[]) => (await cache.read(keys)).entries.map((found) => found?.value);

describe('MemoryEntityCache', () => {
  test('stays within its byte budget, the least recently used entries going first', async () => {
    const cache = new MemoryEntityCache(10_000);
    const entries = Array.from({ length: 100 }, (_, n) => [`k${n}`, entry(record(String(n), 'x'.repeat(200)))] as const);
    await cache.write(entries, 60_000);
    const kept = (
      await valuesOf(
        cache,
        entries.map(([key]) => key),
      )
    ).filter((value) => value !== undefined);
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.length).toBeLessThan(50);
    expect(await valuesOf(cache, ['k99'])).toEqual([entries[99][1].value]);
  });

  test('tells a cached null (known missing) from a miss', async () => {
    const cache = new MemoryEntityCache(1024 * 1024);
    await cache.write([['gone', entry(null)]], 60_000);
    expect((await cache.read(['gone', 'never'])).entries).toEqual([entry(null), undefined]);
  });

  test('a purge hides exactly the entries carrying its tags that were stamped before it', async () => {
    const cache = new MemoryEntityCache(1024 * 1024);
    const { clock } = await cache.read([]);
    await cache.write(
      [
        ['a', entry('A', ['category:1', 'listing'], clock)],
        ['b', entry('B', ['category:2'], clock)],
      ],
      60_000,
    );
    await cache.purge(['category:1']);
    expect(await valuesOf(cache, ['a', 'b'])).toEqual([undefined, 'B']);
    const after = await cache.read([]);
    await cache.write([['a', entry('A2', ['category:1'], after.clock)]], 60_000);
    expect(await valuesOf(cache, ['a'])).toEqual(['A2']);
  });
});

describe('CachedReads', () => {
  test('a second request is served from the cache; after a write the next request reads upstream', async () => {
    const names = new Map([['1', 'Fruit']]);
    const { port, calls } = fakePort(names);
    const shared = storeCache(new MemoryEntityCache(1024 * 1024));

    expect((await new CachedReads(shared, port, call).categories(['1', '2'])).value).toEqual([record('1', 'Fruit'), null]);
    expect((await new CachedReads(shared, port, call).categories(['1', '2'])).value).toEqual([record('1', 'Fruit'), null]);
    expect(calls).toEqual([['1', '2']]);

    await new CachedReads(shared, port, call).write(writeTags.assignment('1'), async () => new Carried().answer(names.set('1', 'Berries')));
    expect((await new CachedReads(shared, port, call).categories(['1', '2'])).value).toEqual([record('1', 'Berries'), null]);
    // Only what the write touched was read again.
    expect(calls).toEqual([['1', '2'], ['1']]);
  });

  test('a read that raced a write cannot leave the state from before it in the cache', async () => {
    const names = new Map([['1', 'Fruit']]);
    const { port } = fakePort(names);
    const shared = storeCache(new MemoryEntityCache(1024 * 1024));
    let release!: () => void;
    const slowPort = {
      getCategories: async (ids: readonly string[]) => {
        const before = await port.getCategories(ids, call);
        await new Promise<void>((resolve) => (release = resolve));
        return before;
      },
    } as unknown as CatalogPort;

    const racing = new CachedReads(shared, slowPort, call).categories(['1']);
    await new Promise((resolve) => setImmediate(resolve));
    await new CachedReads(shared, port, call).write(writeTags.assignment('1'), async () => new Carried().answer(names.set('1', 'Berries')));
    release();
    expect((await racing).value).toEqual([record('1', 'Fruit')]);
    expect((await new CachedReads(shared, port, call).categories(['1'])).value).toEqual([record('1', 'Berries')]);
  });

  test('an unreachable cache: reads go upstream, writes are refused before any of their work', async () => {
    const down = new Error('connection refused');
    const unreachable: EntityCache = {
      read: async () => Promise.reject(down),
      write: async () => Promise.reject(down),
      purge: async () => Promise.reject(down),
      close: async () => undefined,
    };
    const { port, calls } = fakePort(new Map([['1', 'Fruit']]));
    const reads = new CachedReads(storeCache(unreachable), port, call);
    expect((await reads.categories(['1'])).value).toEqual([record('1', 'Fruit')]);
    expect(calls).toHaveLength(1);

    const work = jest.fn(async () => new Carried().answer('written'));
    await expect(reads.write(writeTags.assignment('1'), work)).rejects.toMatchObject({ code: ErrorCode.UPSTREAM_UNAVAILABLE, retryable: true });
    expect(work).not.toHaveBeenCalled();
  });
});

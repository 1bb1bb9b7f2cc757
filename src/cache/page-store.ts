// The pages in memory: least recently used first out when the total passes the byte limit, and an
// index from each dependency key to the pages built from it, so dropping a key drops exactly those
// pages. A Map keeps insertion order, so re-inserting on use makes it an LRU without a list. A page
// is moved to the young end only when it has aged past half the store since it was last put there:
// each move leaves a hole in the Map that every later eviction walks over, and a page asked for
// a thousand times a second needs no thousand moves to stay.
//
// A render that began before a change must not store what it read before that change: every drop
// (and every hold, while the keys of a change are still being worked out) moves the epoch on, and
// `store` refuses a page whose render began in an earlier epoch or while a hold is open.

import type { CachedPage } from './cached-page.ts';

export interface PageStoreStats {
  pages: number;
  bytes: number;
  maxBytes: number;
  evicted: number;
  dropped: number;
}

interface Entry {
  page: CachedPage;
  /** The store's operation count when the page was last put at the young end. */
  placedAt: number;
}

export class PageStore {
  private readonly pages = new Map<string, Entry>();
  private operations = 0;
  private readonly byDependency = new Map<string, Set<string>>();
  private totalBytes = 0;
  private evicted = 0;
  private dropped = 0;
  private currentEpoch = 0;
  private openHolds = 0;
  private holds: Promise<unknown>[] = [];
  readonly maxBytes: number;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  /** The epoch a render starts in; hand it back to `store`. */
  get epoch(): number {
    return this.currentEpoch;
  }

  /** Whether pages may be served now (no change is being worked out). */
  get isServing(): boolean {
    return this.openHolds === 0;
  }

  get(key: string): CachedPage | undefined {
    const entry = this.pages.get(key);
    if (!entry) return undefined;
    this.operations++;
    if (this.operations - entry.placedAt > this.pages.size / 2) {
      this.pages.delete(key);
      this.pages.set(key, entry);
      entry.placedAt = this.operations;
    }
    return entry.page;
  }

  /** Stores the page unless a change happened since its render began; says whether it did. */
  store(page: CachedPage, startedInEpoch: number): boolean {
    if (startedInEpoch !== this.currentEpoch || this.openHolds > 0 || page.bytes > this.maxBytes) return false;
    this.remove(page.key);
    this.pages.set(page.key, { page, placedAt: ++this.operations });
    this.totalBytes += page.bytes;
    for (const dependency of page.dependencies) {
      let keys = this.byDependency.get(dependency);
      if (!keys) this.byDependency.set(dependency, (keys = new Set()));
      keys.add(page.key);
    }
    const oldestFirst = this.pages.keys();
    while (this.totalBytes > this.maxBytes) {
      this.remove(oldestFirst.next().value!);
      this.evicted++;
    }
    return true;
  }

  /** Drops every page built from any of `dependencies`; returns how many. */
  drop(dependencies: Iterable<string>): number {
    const list = [...dependencies];
    if (list.includes('site')) return this.dropAll();
    this.currentEpoch++;
    let count = 0;
    for (const dependency of list) {
      const keys = this.byDependency.get(dependency);
      if (!keys) continue;
      for (const key of [...keys]) count += this.remove(key) ? 1 : 0;
    }
    this.dropped += count;
    return count;
  }

  dropAll(): number {
    this.currentEpoch++;
    const count = this.pages.size;
    this.pages.clear();
    this.byDependency.clear();
    this.totalBytes = 0;
    this.dropped += count;
    return count;
  }

  /** Serves nothing and stores nothing until `work` settles (the keys of a change are being read). */
  async holdWhile<T>(work: Promise<T>): Promise<T> {
    this.openHolds++;
    this.currentEpoch++;
    const settled = work.then(() => undefined, () => undefined);
    this.holds.push(settled);
    try {
      return await work;
    } finally {
      this.openHolds--;
      this.currentEpoch++;
      this.holds = this.holds.filter((hold) => hold !== settled);
    }
  }

  /** Resolves once every hold open now has settled. */
  async whenServing(): Promise<void> {
    while (this.holds.length > 0) await Promise.all(this.holds);
  }

  stats(): PageStoreStats {
    return { pages: this.pages.size, bytes: this.totalBytes, maxBytes: this.maxBytes, evicted: this.evicted, dropped: this.dropped };
  }

  private remove(key: string): boolean {
    const page = this.pages.get(key)?.page;
    if (!page) return false;
    this.pages.delete(key);
    this.totalBytes -= page.bytes;
    for (const dependency of page.dependencies) {
      const keys = this.byDependency.get(dependency);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.byDependency.delete(dependency);
    }
    return true;
  }
}

// A way around the query builder's executor for the hottest public reads on SQLite. Kysely runs
// every query through an async connection lock, which costs several times what a small indexed
// read costs in better-sqlite3. A SQLite database therefore registers a second, read-only
// connection here: in WAL mode it reads the last committed state, never a write in progress, and
// never waits for one. compiledQuery uses it when there is one.


export type DirectReader = (sql: string, parameters: readonly unknown[]) => unknown[];
/** Rows one at a time, for reads that stop as soon as they know enough (search). */
export type DirectIterator = (sql: string, parameters: readonly unknown[]) => IterableIterator<unknown>;

const readers = new WeakMap<object, DirectReader>();
const iterators = new WeakMap<object, DirectIterator>();

export function registerDirectReader(db: object, reader: DirectReader, iterator?: DirectIterator): void {
  readers.set(db, reader);
  if (iterator) iterators.set(db, iterator);
}

export function directReaderFor(db: object): DirectReader | undefined {
  return readers.get(db);
}

export function directIteratorFor(db: object): DirectIterator | undefined {
  return iterators.get(db);
}

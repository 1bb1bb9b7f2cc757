// Hot read queries built with Kysely once and then run with new values. Building and compiling a
// query costs more than running it on SQLite (a story page runs six); a query whose shape does not
// change with its arguments is built on first use with placeholder values, and later runs only
// put the real values in those places. On SQLite they run on the read-only connection of
// direct-reads.ts: only for reads of committed, public data.

import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Schema } from './schema.ts';
import { directReaderFor } from './direct-reads.ts';

const MARK = '\u0000dispatch-argument-';

interface Template {
  sql: string;
  /** For each parameter of the compiled query: the index of the argument that fills it, or the constant. */
  slots: Array<{ argument: number } | { constant: unknown }>;
}

/**
 * Wraps `build` (which must use each argument only as a plain value: no arrays for `in`, no
 * arguments that change which clauses the query has) so that it is compiled once per database.
 */
export function compiledQuery<Args extends readonly unknown[], Row>(
  build: (db: Kysely<Schema>, ...args: Args) => Compilable<Row>,
): (db: Kysely<Schema>, ...args: Args) => Promise<Row[]> {
  const templates = new WeakMap<Kysely<Schema>, Template>();
  return async (db, ...args) => {
    let template = templates.get(db);
    if (!template) {
      const marks = args.map((_, index) => `${MARK}${index}`) as unknown as Args;
      const compiled = build(db, ...marks).compile();
      template = {
        sql: compiled.sql,
        slots: compiled.parameters.map((value) =>
          typeof value === 'string' && value.startsWith(MARK) ? { argument: Number(value.slice(MARK.length)) } : { constant: value },
        ),
      };
      templates.set(db, template);
    }
    const parameters = template.slots.map((slot) => ('argument' in slot ? args[slot.argument] : slot.constant));
    const direct = directReaderFor(db);
    if (direct) return direct(template.sql, parameters) as Row[];
    const result = await db.executeQuery<Row>(CompiledQuery.raw(template.sql, parameters));
    return result.rows as Row[];
  };
}

/** Lists longer than this are built by Kysely on each call: they are rare, and each length is a statement. */
const MAX_COMPILED_LIST = 32;

/**
 * Like `compiledQuery`, for a query over a list of values (`in (?, ?, ?)`): compiled once per
 * database and list length, since the length changes the SQL. `build` receives the list and the
 * other arguments; lists longer than 32 run through the query builder as usual.
 */
export function compiledListQuery<Item, Args extends readonly unknown[], Row>(
  build: (db: Kysely<Schema>, list: readonly Item[], ...args: Args) => Compilable<Row> & { execute(): Promise<Row[]> },
): (db: Kysely<Schema>, list: readonly Item[], ...args: Args) => Promise<Row[]> {
  const byLength: Array<(db: Kysely<Schema>, ...values: unknown[]) => Promise<Row[]>> = [];
  return (db, list, ...args) => {
    if (list.length > MAX_COMPILED_LIST) return build(db, list, ...args).execute();
    const length = list.length;
    byLength[length] ??= compiledQuery((builderDb: Kysely<Schema>, ...values: unknown[]) =>
      build(builderDb, values.slice(0, length) as Item[], ...(values.slice(length) as unknown as Args)),
    );
    return byLength[length]!(db, ...list, ...args);
  };
}

// The few column shapes that SQLite and PostgreSQL spell differently, so that each migration is
// written once for both.

import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

export interface ColumnTypes {
  /** An integer primary key the database assigns and never reuses. */
  addId<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>;
  /** An instant in UTC: text in SQLite, timestamptz in PostgreSQL. */
  instant: 'text' | 'timestamptz';
}

export function columnTypes(dialect: Dialect): ColumnTypes {
  return {
    addId: (table) =>
      table.addColumn('id', 'integer', (column: ColumnDefinitionBuilder) =>
        dialect === 'sqlite' ? column.primaryKey().autoIncrement() : column.primaryKey().generatedByDefaultAsIdentity(),
      ),
    instant: dialect === 'sqlite' ? 'text' : 'timestamptz',
  };
}

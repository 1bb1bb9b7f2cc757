// The media library: who uploaded an image and under which file name (the library screen searches
// it), and the renditions made for the site (a few widths in AVIF, WebP and a JPEG or PNG fallback),
// so a page finds every file of its images in one batched query.

import type { Kysely, Migration } from 'kysely';
import { columnTypes, type Dialect } from './column-types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function media(dialect: Dialect): Migration {
  const { instant } = columnTypes(dialect);
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('images').addColumn('original_name', 'text').execute();
      await db.schema
        .alterTable('images')
        .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .execute();
      await db.schema.alterTable('images').addColumn('updated_at', instant).execute();

      await db.schema
        .createTable('image_renditions')
        .addColumn('image_id', 'integer', (c) => c.notNull().references('images.id').onDelete('cascade'))
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('storage_key', 'text', (c) => c.notNull().unique())
        .addColumn('byte_size', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('image_renditions_pk', ['image_id', 'format', 'width'])
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('image_renditions').execute();
      for (const column of ['updated_at', 'uploaded_by', 'original_name']) {
        await db.schema.alterTable('images').dropColumn(column).execute();
      }
    },
  };
}

// PostgreSQL: the moment a wire item last changed (greatest() skips nulls). An embargo that has
// ended counts as a change at its end, though no row changed then.

import { sql, type RawBuilder } from 'kysely';

export function postgresWireChangedAt(now: string): RawBuilder<string> {
  return sql<string>`greatest(sv.updated_at, s.updated_at, case when s.embargo_until <= ${now}::timestamptz then s.embargo_until end)`;
}

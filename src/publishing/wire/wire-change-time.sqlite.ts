// SQLite: the moment a wire item last changed for a subscriber, as text (ISO instants sort as text).
// An embargo that has ended counts as a change at its end, though no row changed then.

import { sql, type RawBuilder } from 'kysely';

export function sqliteWireChangedAt(now: string): RawBuilder<string> {
  return sql<string>`max(sv.updated_at, s.updated_at, coalesce(case when s.embargo_until <= ${now} then s.embargo_until end, sv.updated_at))`;
}

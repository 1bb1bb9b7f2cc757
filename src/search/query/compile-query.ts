// Writes a parsed query in each database's own syntax. Every term is quoted here, whatever it
// holds, so the result is always a well-formed FTS5 expression or tsquery (the parser already
// keeps only letters and digits; quoting is the second lock on the door).

import type { Clause, ParsedQuery } from './parse-query.ts';

const fts5String = (text: string) => `"${text.replaceAll('"', '""')}"`;

function fts5Clause(clause: Clause): string {
  if (clause.kind === 'term') return fts5String(clause.term);
  if (clause.kind === 'prefix') return `${fts5String(clause.prefix)} *`;
  return fts5String(clause.terms.join(' '));
}

/**
 * An FTS5 match expression over the given columns: all required clauses, none of the excluded.
 * `extra` are further conditions already in FTS5 syntax (the facet filters).
 */
export function toFts5(query: ParsedQuery, columns: string, extra: string[] = []): string {
  const required = query.required.map(fts5Clause).join(' AND ');
  let expression = `{${columns}} : (${required})`;
  for (const condition of extra) expression = `(${expression}) AND (${condition})`;
  if (query.excluded.length > 0) {
    expression = `(${expression}) NOT ({headline body} : (${query.excluded.map(fts5Clause).join(' OR ')}))`;
  }
  return expression;
}

const tsLexeme = (text: string, suffix = '') => `'${text.replaceAll("'", "''").replaceAll('\\', '\\\\')}'${suffix}`;

function tsClause(clause: Clause, weight: string): string {
  if (clause.kind === 'term') return tsLexeme(clause.term, weight ? `:${weight}` : '');
  if (clause.kind === 'prefix') return tsLexeme(clause.prefix, `:*${weight}`);
  return `(${clause.terms.map((term) => tsLexeme(term, weight ? `:${weight}` : '')).join(' <-> ')})`;
}

/** A tsquery text (for `$1::tsquery`); `weight` 'A' restricts it to headline terms. */
export function toTsquery(query: ParsedQuery, weight: '' | 'A' = ''): string {
  const required = query.required.map((clause) => tsClause(clause, weight)).join(' & ');
  const excluded = query.excluded.map((clause) => `!${tsClause(clause, '')}`);
  return [`(${required})`, ...excluded].join(' & ');
}

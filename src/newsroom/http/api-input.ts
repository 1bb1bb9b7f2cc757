// Reading newsroom API input: a JSON object body, named fields of known types, an id in the
// path. Every problem names its field; all problems of one request are reported together
// (`details.fields`), the first also as `details.field`.

import { AppError } from '../../lib/errors.ts';

export class FieldErrors {
  readonly problems: Record<string, string> = {};

  add(field: string, problem: string): void {
    this.problems[field] ??= problem;
  }

  throwIfAny(): void {
    const fields = Object.keys(this.problems);
    if (fields.length === 0) return;
    const first = fields[0]!;
    throw new AppError('invalid_input', `${first}: ${this.problems[first]}`, { details: { field: first, fields: this.problems } });
  }
}

export function readObjectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AppError('invalid_input', 'The request body must be a JSON object.', { details: { field: 'body' } });
  }
  return body as Record<string, unknown>;
}

/** Fields not in `known` are refused, so a typo never passes silently. */
export function refuseUnknownFields(body: Record<string, unknown>, known: readonly string[], errors: FieldErrors): void {
  for (const field of Object.keys(body)) if (!known.includes(field)) errors.add(field, `is not a known field (known: ${known.join(', ')})`);
}

export function readId(value: unknown, field = 'id'): number {
  const text = typeof value === 'string' ? value : '';
  if (!/^[1-9]\d{0,15}$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new AppError('invalid_input', `${field}: must be a positive whole number`, { details: { field } });
  }
  return Number(text);
}

// The polling cursor of the wire: the position (change time, version id) of the last item a
// subscriber saw, opaque to it (base64url JSON). Anything that is not a cursor we gave out is a 400.

import { AppError } from '../../lib/errors.ts';

export interface WireCursor {
  changedAt: string;
  versionId: number;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeWireCursor(cursor: WireCursor): string {
  return Buffer.from(JSON.stringify([cursor.changedAt, cursor.versionId]), 'utf8').toString('base64url');
}

export function decodeWireCursor(text: string): WireCursor {
  const fail = () => new AppError('wire_cursor_invalid', 'since: not a cursor of this wire; start without one or use the last `next`', { details: { field: 'since' } });
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) throw fail();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw fail();
  }
  if (!Array.isArray(value) || value.length !== 2) throw fail();
  const [changedAt, versionId] = value as [unknown, unknown];
  if (typeof changedAt !== 'string' || !INSTANT.test(changedAt) || Number.isNaN(Date.parse(changedAt))) throw fail();
  if (!Number.isSafeInteger(versionId) || (versionId as number) < 0) throw fail();
  return { changedAt, versionId: versionId as number };
}

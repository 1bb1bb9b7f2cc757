// Wire API keys: 256 random bits, shown to the chief editor once; the database keeps only their
// SHA-256, which is enough for a key this long (no slow hash needed: it cannot be guessed).

import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'dsw_';

export function generateSubscriberKey(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function hashSubscriberKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The first characters of a key, so people can tell keys apart without the secret. */
export function keyHint(key: string): string {
  return key.slice(0, PREFIX.length + 6);
}

/** The key in an `Authorization: Bearer …` header, or undefined. */
export function readBearerKey(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

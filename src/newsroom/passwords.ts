// Password hashing with argon2id, and one-time passwords that are easy to read aloud and type:
// no look-alike characters (0/O, 1/l/I). The argon2 binding is loaded on the first hash or check:
// serving the public site never needs it.

import { randomInt } from 'node:crypto';

const argon2 = () => import('@node-rs/argon2');

const ALGORITHM_ARGON2ID = 2;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const MIN_PASSWORD_LENGTH = 12;

export async function hashPassword(password: string): Promise<string> {
  const { hash } = await argon2();
  return hash(password, { algorithm: ALGORITHM_ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  const { verify } = await argon2();
  return verify(passwordHash, password).catch(() => false);
}

/** A random password of `groups` groups of four characters joined by hyphens (about 23 bits a group). */
export function generatePassword(groups = 4): string {
  const parts: string[] = [];
  for (let g = 0; g < groups; g++) {
    let part = '';
    for (let i = 0; i < 4; i++) part += ALPHABET[randomInt(ALPHABET.length)];
    parts.push(part);
  }
  return parts.join('-');
}

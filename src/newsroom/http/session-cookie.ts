// Setting and clearing the session cookie: it lives until the session's absolute end and is
// Secure when the site is served over https.

import type { FastifyReply } from 'fastify';
import type { SessionConfig } from '../../lib/config.ts';
import { clearCookie, serializeCookie, SESSION_COOKIE } from '../sessions/cookies.ts';

export function setSessionCookie(reply: FastifyReply, params: { token: string; expiresAt: string; now: Date; sessions: SessionConfig }): void {
  const maxAgeSeconds = (Date.parse(params.expiresAt) - params.now.getTime()) / 1000;
  reply.header('set-cookie', serializeCookie(SESSION_COOKIE, params.token, { maxAgeSeconds, secure: params.sessions.secureCookies }));
}

export function clearSessionCookie(reply: FastifyReply, sessions: SessionConfig): void {
  reply.header('set-cookie', clearCookie(SESSION_COOKIE, { secure: sessions.secureCookies }));
}

// What the newsroom adds to a Fastify request (the actor and the session behind it), which
// addresses are the newsroom's, and the interface language of a request.

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, NewsroomLanguage } from '../access/actor.ts';
import { isNewsroomLanguage } from '../access/actor.ts';
import type { Policy } from '../access/policy.ts';
import type { LiveSession } from '../sessions/find-session.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in user, or null: set for every /newsroom and /api/newsroom request. */
    actor: Actor | null;
    newsroomSession: LiveSession | null;
  }
  interface FastifyInstance {
    newsroomPolicy: Policy;
  }
}

export function isNewsroomApiUrl(url: string): boolean {
  return url === '/api/newsroom' || url.startsWith('/api/newsroom/') || url.startsWith('/api/newsroom?');
}

export function isNewsroomPageUrl(url: string): boolean {
  return url === '/newsroom' || url.startsWith('/newsroom/') || url.startsWith('/newsroom?');
}

export function isNewsroomUrl(url: string): boolean {
  return isNewsroomPageUrl(url) || isNewsroomApiUrl(url);
}

/** ru when the browser prefers Russian or Belarusian to English, else en. */
export function browserLanguage(header: string | undefined): NewsroomLanguage {
  if (!header) return 'en';
  const ranked = header
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return { primary: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0 && ['ru', 'be', 'en'].includes(entry.primary))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0] && ranked[0].primary !== 'en' ? 'ru' : 'en';
}

/** The language of a newsroom page: the user's choice, else `?lang=`, else the browser's. */
export function requestLanguage(request: FastifyRequest): NewsroomLanguage {
  if (request.actor) return request.actor.language;
  const asked = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isNewsroomLanguage(asked)) return asked;
  return browserLanguage(request.headers['accept-language']);
}

export function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

// HTML forms post application/x-www-form-urlencoded; this parser turns such a body into a plain
// object of strings (the first value of a repeated field), with no dependency.

import type { FastifyInstance } from 'fastify';

export function registerFormBodyParser(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => {
    const fields: Record<string, string> = Object.create(null);
    for (const [name, value] of new URLSearchParams(body as string)) if (!(name in fields)) fields[name] = value;
    done(null, fields);
  });
}

// Listening on HOST:PORT, with the failures a person can fix told in one line.

import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.ts';

function listenError(host: string, port: number, error: unknown): AppError {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') {
    return new AppError('port_in_use', `Port ${port} on ${host} is already in use by another program; stop it or choose another PORT`, { cause: error });
  }
  if (code === 'EACCES') return new AppError('listen_failed', `Not allowed to listen on ${host}:${port}; choose a PORT above 1023`, { cause: error });
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new AppError('listen_failed', `Cannot listen on ${host}: this machine has no such address; check HOST`, { cause: error });
  }
  return new AppError('listen_failed', `Cannot listen on ${host}:${port}: ${(error as Error).message}`, { cause: error });
}

/** Fails early, before any data is touched, when the address cannot be listened on. */
export function assertCanListen(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error) => reject(listenError(host, port, error)));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

export async function listen(app: FastifyInstance, host: string, port: number): Promise<string> {
  try {
    return await app.listen({ host, port });
  } catch (error) {
    throw listenError(host, port, error);
  }
}

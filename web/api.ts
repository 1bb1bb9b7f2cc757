// The newsroom API as the app calls it: JSON in and out, the session's CSRF token on every change,
// and errors as ApiError with the server's stable code (the app branches on the code only).

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown>) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

let csrfToken = '';

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** `keepalive` lets a request made while the page closes (leaving a story) still reach the server. */
export async function api<T = unknown>(method: string, url: string, body?: unknown, options: { keepalive?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  return send<T>(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin', keepalive: options.keepalive === true });
}

/** A multipart form (an upload): the browser sets its content type and boundary. */
export function apiForm<T = unknown>(url: string, form: FormData): Promise<T> {
  return send<T>(url, { method: 'POST', headers: { accept: 'application/json', 'x-csrf-token': csrfToken }, body: form, credentials: 'same-origin' });
}

async function send<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError(0, 'network_error', 'The server cannot be reached', {});
  }
  const text = await response.text();
  const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!response.ok) {
    const error = (json.error ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
    throw new ApiError(response.status, error.code ?? 'internal_error', error.message ?? response.statusText, error.details ?? {});
  }
  return json as T;
}

export interface Me {
  user: { id: number; login: string; name: string; role: string; language: 'ru' | 'en' };
  session: { csrfToken: string };
}

import { vi } from 'vitest';

/** What a mocked server answers: JSON with a status, a problem document, or a network failure. */
export type Answer = { status?: number; body?: unknown } | 'network-failure';

type Route = { method: string; path: string | RegExp; answer: Answer | ((request: SentRequest) => Answer) };
export type SentRequest = { method: string; path: string; body: unknown; headers: Record<string, string> };

/** A problem+json refusal as the server sends it (RFC 9457). */
export function problem(status: number, fields: { code?: string; detail?: string; errors?: { path: string; message: string }[] } = {}): Answer {
  return { status, body: { type: 'about:blank', title: 'Refused', status, detail: fields.detail ?? 'Refused.', code: fields.code ?? 'validation_failed', errors: fields.errors } };
}

/**
 * Stubs `fetch` (the outside world) with a small route table. Unknown requests fail the test loudly. Returns the
 * requests that were sent, so a test can check what reached the "server".
 */
export function mockServer(routes: Route[]): SentRequest[] {
  const sent: SentRequest[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const path = String(input);
    const method = init.method ?? 'GET';
    const request: SentRequest = { method, path, body: init.body ? JSON.parse(String(init.body)) : undefined, headers: (init.headers ?? {}) as Record<string, string> };
    sent.push(request);
    const route = routes.find((candidate) => candidate.method === method && (typeof candidate.path === 'string' ? candidate.path === path : candidate.path.test(path)));
    if (!route) throw new Error(`Unexpected request in a test: ${method} ${path}`);
    const answer = typeof route.answer === 'function' ? route.answer(request) : route.answer;
    if (answer === 'network-failure') throw new TypeError('Failed to fetch');
    const status = answer.status ?? 200;
    const contentType = status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status, headers: { 'content-type': contentType } });
  });
  return sent;
}

import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockServer, problem } from '../test/fetch-mock';
import { ApiError, isDefinitiveRefusal, newIdempotencyKey, request, setCsrfToken, whileInFlight } from './client';
import { useIdempotentCall } from './useIdempotentCall';

describe('request', () => {
  it('sends JSON with the CSRF token on changes, never cached', async () => {
    setCsrfToken('token-1');
    const sent = mockServer([{ method: 'POST', path: '/api/things', answer: { status: 201, body: { id: 'a' } } }]);
    await expect(request('POST', '/api/things', { body: { name: 'x' }, idempotencyKey: 'key-1' })).resolves.toEqual({ id: 'a' });
    expect(sent[0]?.headers).toMatchObject({ 'x-csrf-token': 'token-1', 'content-type': 'application/json', 'idempotency-key': 'key-1' });
    setCsrfToken(undefined);
  });

  it('turns a problem document into an ApiError with its code, detail and field errors', async () => {
    mockServer([{ method: 'GET', path: '/api/x', answer: problem(422, { code: 'validation_failed', detail: 'Nope', errors: [{ path: 'body.a', message: 'm' }] }) }]);
    const error = await request('GET', '/api/x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'validation_failed', detail: 'Nope', fieldErrors: [{ path: 'body.a', message: 'm' }] });
  });

  it('calls a failed network an ApiError with status 0', async () => {
    mockServer([{ method: 'GET', path: '/api/x', answer: 'network-failure' }]);
    await expect(request('GET', '/api/x')).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('answers nothing for 204', async () => {
    mockServer([{ method: 'POST', path: '/api/x', answer: { status: 204 } }]);
    await expect(request('POST', '/api/x')).resolves.toBeUndefined();
  });
});

describe('idempotency', () => {
  it('makes version 4 UUIDs', () => {
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('treats a 4xx as nothing made, except timeouts, conflicts and rate limits', () => {
    expect(isDefinitiveRefusal(new ApiError(422, undefined))).toBe(true);
    expect(isDefinitiveRefusal(new ApiError(409, undefined))).toBe(false);
    expect(isDefinitiveRefusal(new ApiError(429, undefined))).toBe(false);
    expect(isDefinitiveRefusal(new ApiError(0, undefined))).toBe(false);
    expect(isDefinitiveRefusal(new ApiError(500, undefined))).toBe(false);
  });

  it('keeps the key for a retry after a lost answer, and takes a fresh one after a refusal or success', async () => {
    const { result } = renderHook(() => useIdempotentCall());
    const keys: string[] = [];
    const fail = (status: number) => (key: string) => {
      keys.push(key);
      return Promise.reject(new ApiError(status, undefined));
    };
    await result.current(fail(0)).catch(() => undefined);
    await result.current(fail(422)).catch(() => undefined);
    await result.current(async (key) => keys.push(key));
    await result.current(async (key) => keys.push(key));
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[1]);
    expect(keys[3]).not.toBe(keys[2]);
  });

  it('asks again while the first request is still in flight', async () => {
    const call = vi.fn().mockRejectedValueOnce(new ApiError(409, { code: 'idempotency_in_flight' })).mockResolvedValueOnce('done');
    await expect(whileInFlight(call, { delayMs: 1 })).resolves.toBe('done');
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('gives up on in-flight answers after a few tries, and passes other refusals on at once', async () => {
    const inFlight = vi.fn().mockRejectedValue(new ApiError(409, { code: 'idempotency_in_flight' }));
    await expect(whileInFlight(inFlight, { tries: 2, delayMs: 1 })).rejects.toMatchObject({ code: 'idempotency_in_flight' });
    expect(inFlight).toHaveBeenCalledTimes(3);
    const refused = vi.fn().mockRejectedValue(new ApiError(422, { code: 'validation_failed' }));
    await expect(whileInFlight(refused, { delayMs: 1 })).rejects.toMatchObject({ status: 422 });
    expect(refused).toHaveBeenCalledTimes(1);
  });
});

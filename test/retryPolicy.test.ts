import { describe, expect, it } from 'vitest';
import { MAX_RETRY_MS, retryDecision, UndeliverableError } from '../bot/delivery/retryPolicy.ts';

const http = (status: number, retryAfter?: string) =>
  Object.assign(new Error(`HTTP ${status}`), {
    statusCode: status,
    response: { status, headers: retryAfter ? { 'retry-after': retryAfter } : {} },
  });
const net = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

describe('delivery retry policy', () => {
  it.each([408, 412, 429, 500, 502, 503, 504])('retries HTTP %i', (status) => {
    expect(retryDecision(http(status), 1).retry).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 413])('does not retry HTTP %i', (status) => {
    const d = retryDecision(http(status), 1);
    expect(d).toMatchObject({ retry: false, reason: `HTTP ${status}` });
    expect(d.retry === false && d.park).toBeFalsy();
  });

  it.each(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'REQUEST_SEND_ERROR'])(
    'retries network error %s',
    (code) => {
      expect(retryDecision(net(code), 1).retry).toBe(true);
    },
  );

  it('retries a timeout and an abort', () => {
    expect(retryDecision(Object.assign(new Error('The operation was aborted'), { name: 'AbortError' }), 1).retry).toBe(true);
    expect(retryDecision(Object.assign(new Error('send timed out'), { name: 'TimeoutError' }), 1).retry).toBe(true);
  });

  it('does not retry a programming error, and says so', () => {
    const d = retryDecision(new TypeError("Cannot read properties of undefined (reading 'id')"), 1);
    expect(d).toMatchObject({ retry: false, programmingError: true });
    expect(retryDecision(new ReferenceError('x is not defined'), 1)).toMatchObject({ retry: false, programmingError: true });
  });

  it('never retries an undeliverable message', () => {
    expect(retryDecision(new UndeliverableError('no chat'), 1)).toEqual({ retry: false, reason: 'no chat' });
  });

  it('honours Retry-After and backs off exponentially, capped', () => {
    const d = retryDecision(http(429, '30'), 1);
    expect(d.retry && d.delayMs).toBeGreaterThanOrEqual(30_000);
    const early = retryDecision(http(500), 1);
    const later = retryDecision(http(500), 8);
    expect(early.retry && later.retry && later.delayMs > early.delayMs).toBe(true);
    const capped = retryDecision(http(500), 40);
    expect(capped.retry && capped.delayMs).toBeLessThanOrEqual(15 * 60_000 * 1.2);
  });

  it('parks a message once it has been retried for a day, so the conversation moves on', () => {
    expect(retryDecision(http(503), 50, MAX_RETRY_MS - 60 * 60_000).retry).toBe(true);
    expect(retryDecision(http(503), 50, MAX_RETRY_MS)).toMatchObject({ retry: false, park: true });
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_RETRY_MS, retryDecision, UndeliverableError } from '../../bot/delivery/retryPolicy.ts';
import { at } from './dutch.ts';

const NOW = at('2026-11-25T10:00'); // 09:00 UTC
const HOUR = 3_600_000;

const http = (status: number, headers?: unknown) =>
  Object.assign(new Error(`HTTP ${status}`), { statusCode: status, response: { status, headers } });
const net = (code: string, message = `connect ${code}`) => Object.assign(new Error(message), { code });

let random = 0;
beforeEach(() => {
  random = 0;
  vi.spyOn(Math, 'random').mockImplementation(() => random);
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('classification', () => {
  it.each([408, 412, 429, 500, 501, 502, 503, 504, 599])('HTTP %i is retried', (status) => {
    expect(retryDecision(http(status), 1)).toEqual({ retry: true, delayMs: 1000, reason: `HTTP ${status}` });
  });

  it.each([300, 400, 401, 403, 404, 405, 409, 410, 413, 415, 422, 499])(
    'HTTP %i is given up, not parked, not a programming error',
    (status) => {
      expect(retryDecision(http(status), 1)).toEqual({ retry: false, reason: `HTTP ${status}` });
    },
  );

  it('reads the status from statusCode, status or response.status, in that order', () => {
    expect(retryDecision({ status: 503 }, 1)).toMatchObject({ retry: true, reason: 'HTTP 503' });
    expect(retryDecision({ response: { status: 429 } }, 1)).toMatchObject({ retry: true, reason: 'HTTP 429' });
    expect(retryDecision({ statusCode: 404, status: 503 }, 1)).toEqual({ retry: false, reason: 'HTTP 404' });
    expect(retryDecision({ status: 400, response: { status: 503 } }, 1)).toEqual({ retry: false, reason: 'HTTP 400' });
  });

  it('a status wins over a network code', () => {
    expect(retryDecision({ statusCode: 403, code: 'ECONNRESET' }, 1)).toEqual({ retry: false, reason: 'HTTP 403' });
  });

  it.each([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'ETIMEDOUT',
    'EPIPE',
    'EAI_AGAIN',
    'ENOTFOUND',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'REQUEST_SEND_ERROR',
    'REQUEST_ABORTED_ERROR',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
  ])('network code %s is retried, with the code as reason', (code) => {
    expect(retryDecision(net(code), 1)).toEqual({ retry: true, delayMs: 1000, reason: code });
  });

  it.each(['EACCES', 'ERR_INVALID_ARG_TYPE', 'ENOENT', 'und_err_socket'])('other code %s is a programming error', (code) => {
    expect(retryDecision(net(code, 'x'), 1)).toEqual({ retry: false, reason: code, programmingError: true });
  });

  it('AbortError and TimeoutError by name, and timeout, hang-up and abort messages, are retried', () => {
    expect(retryDecision(Object.assign(new Error('x'), { name: 'AbortError' }), 1)).toMatchObject({ retry: true, reason: 'x' });
    expect(retryDecision(Object.assign(new Error('y'), { name: 'TimeoutError' }), 1)).toMatchObject({ retry: true });
    for (const message of ['Request Timeout', 'send timed out after 30s', 'socket hang up', 'The user aborted a request.'])
      expect(retryDecision(new Error(message), 1)).toEqual({ retry: true, delayMs: 1000, reason: message });
  });

  it('a network error inside cause, also two levels deep', () => {
    expect(retryDecision(new Error('fetch failed', { cause: { code: 'UND_ERR_CONNECT_TIMEOUT' } }), 1)).toEqual({
      retry: true,
      delayMs: 1000,
      reason: 'fetch failed',
    });
    const deep = new Error('send failed', { cause: new Error('fetch failed', { cause: net('ECONNRESET') }) });
    expect(retryDecision(deep, 1)).toMatchObject({ retry: true });
    expect(retryDecision(new Error('bad', { cause: new Error('worse') }), 1)).toMatchObject({ retry: false, programmingError: true });
    expect(retryDecision(new Error('bad', { cause: 'ECONNRESET' }), 1)).toMatchObject({ retry: false, programmingError: true });
  });

  it('an error that says it is retryable', () => {
    expect(retryDecision(Object.assign(new Error('busy'), { retryable: true }), 1)).toEqual({ retry: true, delayMs: 1000, reason: 'busy' });
    expect(retryDecision(Object.assign(new Error('nope'), { retryable: false }), 1)).toMatchObject({
      retry: false,
      programmingError: true,
    });
  });

  it('a programming error is given up and marked, with its message (at most 200 characters) as reason', () => {
    expect(retryDecision(new TypeError("Cannot read properties of undefined (reading 'id')"), 1)).toEqual({
      retry: false,
      reason: "Cannot read properties of undefined (reading 'id')",
      programmingError: true,
    });
    const long = retryDecision(new Error('x'.repeat(300)), 1);
    expect(long.reason).toBe('x'.repeat(200));
  });

  it('nothing, or a thrown string, is an unknown programming error', () => {
    for (const err of [undefined, null, 'boom', 42, {}])
      expect(retryDecision(err, 1)).toEqual({ retry: false, reason: 'unknown error', programmingError: true });
  });

  it('an undeliverable message is never retried, whatever it carries', () => {
    expect(retryDecision(Object.assign(new UndeliverableError('geen chat met deze persoon'), { statusCode: 503 }), 1)).toEqual({
      retry: false,
      reason: 'geen chat met deze persoon',
    });
  });
});

describe('backoff', () => {
  it('doubles from 1 s per attempt up to 15 minutes', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => {
      const d = retryDecision(http(503), n);
      return d.retry ? d.delayMs : -1;
    });
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 128_000, 256_000, 512_000, 900_000, 900_000]);
  });

  it('attempt 0 or less counts as the first, and a huge attempt count stays capped', () => {
    expect(retryDecision(http(503), 0)).toMatchObject({ delayMs: 1000 });
    expect(retryDecision(http(503), -5)).toMatchObject({ delayMs: 1000 });
    expect(retryDecision(http(503), 10_000)).toMatchObject({ delayMs: 900_000 });
  });

  it('adds up to 20 % jitter, rounded to whole milliseconds', () => {
    random = 0.5;
    expect(retryDecision(http(503), 1)).toMatchObject({ delayMs: 1100 });
    random = 0.999_999;
    expect(retryDecision(http(503), 1)).toMatchObject({ delayMs: 1200 });
    expect(retryDecision(http(503), 11)).toMatchObject({ delayMs: 1_080_000 });
    random = 0.123_45;
    expect(retryDecision(http(503), 3)).toMatchObject({ delayMs: 4099 });
  });
});

describe('Retry-After', () => {
  it('in seconds wins when longer than the backoff', () => {
    expect(retryDecision(http(429, { 'retry-after': '30' }), 1)).toEqual({
      retry: true,
      delayMs: 30_000,
      reason: 'HTTP 429',
      retryAfterMs: 30_000,
    });
    expect(retryDecision(http(503, { 'retry-after': '1.5' }), 1)).toMatchObject({ delayMs: 1500 });
  });

  it('shorter than the backoff, zero, negative or unreadable: the backoff counts', () => {
    for (const value of ['0.5', '0', '-30', 'morgen', ''])
      expect(retryDecision(http(429, { 'retry-after': value }), 3)).toMatchObject({ retry: true, delayMs: 4000 });
  });

  it('as an HTTP date, measured from now', () => {
    expect(retryDecision(http(503, { 'retry-after': 'Wed, 25 Nov 2026 09:02:00 GMT' }), 1)).toMatchObject({ delayMs: 120_000 });
    expect(retryDecision(http(503, { 'retry-after': 'Wed, 25 Nov 2026 08:00:00 GMT' }), 1)).toMatchObject({ delayMs: 1000 });
  });

  it('from a Headers object, whatever the case of the name', () => {
    expect(retryDecision(http(429, new Headers({ 'Retry-After': '7' })), 1)).toMatchObject({ delayMs: 7000 });
  });

  it('is ignored on an answer that is not retried', () => {
    expect(retryDecision(http(400, { 'retry-after': '30' }), 1)).toEqual({ retry: false, reason: 'HTTP 400' });
  });
});

describe('parking after 24 hours', () => {
  it('MAX_RETRY_MS is 24 hours', () => {
    expect(MAX_RETRY_MS).toBe(24 * HOUR);
  });

  it('retries while age plus delay stays within 24 h, parks once it would exceed it', () => {
    expect(retryDecision(http(503), 1, MAX_RETRY_MS - 1000)).toEqual({ retry: true, delayMs: 1000, reason: 'HTTP 503' });
    expect(retryDecision(http(503), 1, MAX_RETRY_MS - 999)).toEqual({ retry: false, reason: 'HTTP 503 (24 uur geprobeerd)', park: true });
  });

  it('a long Retry-After parks a young message', () => {
    expect(retryDecision(http(429, { 'retry-after': String(23 * 3600) }), 1, HOUR - 1000)).toMatchObject({ retry: true });
    expect(retryDecision(http(429, { 'retry-after': String(23 * 3600 + 1) }), 1, HOUR)).toEqual({
      retry: false,
      reason: 'HTTP 429 (24 uur geprobeerd)',
      park: true,
    });
  });

  it('a network error is parked with its code in the reason', () => {
    expect(retryDecision(net('ECONNRESET'), 30, 24 * HOUR)).toEqual({ retry: false, reason: 'ECONNRESET (24 uur geprobeerd)', park: true });
  });

  it('an old message with a permanent error is given up, not parked', () => {
    expect(retryDecision(http(404), 30, 30 * HOUR)).toEqual({ retry: false, reason: 'HTTP 404' });
  });
});

describe('odd errors', () => {
  it('Retry-After under a capitalised name in a plain object is not read', () => {
    expect(retryDecision(http(429, { 'Retry-After': '30' }), 1)).toMatchObject({ delayMs: 1000 });
  });

  it('status 0 (no HTTP answer) is decided by the error code: a reset connection is retried', () => {
    expect(retryDecision({ statusCode: 0, code: 'ECONNRESET' }, 1)).toMatchObject({ retry: true, reason: 'ECONNRESET' });
  });

  // The message test /timeout|.../ also matches programming errors that merely mention a timeout.
  it('a TypeError about a property named "timeout" is a programming error, not network trouble', () => {
    expect(retryDecision(new TypeError("Cannot read properties of undefined (reading 'timeout')"), 1)).toMatchObject({
      retry: false,
      programmingError: true,
    });
  });

  // e.code is assumed to be a string: (42).slice and (42).startsWith throw.
  it('an error with a numeric code gets a decision instead of throwing', () => {
    expect(retryDecision(Object.assign(new Error('grpc'), { code: 14 }), 1)).toMatchObject({ retry: false });
  });

  // isNetworkError follows cause without a depth limit.
  it('an error that is its own cause gets a decision instead of overflowing the stack', () => {
    const e = new Error('loop');
    e.cause = e;
    expect(retryDecision(e, 1)).toMatchObject({ retry: false, programmingError: true });
  });
});

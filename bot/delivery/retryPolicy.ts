/** A message that can never be delivered (no retry helps). */
export class UndeliverableError extends Error {}

export type RetryDecision =
  | { retry: true; delayMs: number; reason: string; retryAfterMs?: number }
  /** `park`: retried too long — kept as a dead letter for the office; otherwise a permanent failure. */
  | { retry: false; reason: string; park?: boolean; programmingError?: boolean };

const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 15 * 60_000;
/** After this long of retrying a message is parked, so later messages to the same person or thread move on. */
export const MAX_RETRY_MS = 24 * 3_600_000;

/** Teams answers that mean "try again later" (see the Teams rate-limit guidance); other 4xx never get better. */
const RETRYABLE_STATUS = new Set([408, 412, 429]);
/** Network trouble: the request may not have arrived, or its answer got lost. */
const NETWORK_CODES = new Set([
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
]);

type ErrorLike = {
  name?: string;
  statusCode?: number;
  status?: number;
  code?: unknown;
  message?: string;
  retryable?: boolean;
  response?: { headers?: unknown; status?: number };
  cause?: unknown;
};

/** Mistakes in code: a message that mentions "timeout" does not make them network trouble. */
const PROGRAMMING_ERRORS = [TypeError, ReferenceError, SyntaxError, RangeError];

function isNetworkError(e: ErrorLike, depth = 0): boolean {
  if (depth > 5 || PROGRAMMING_ERRORS.some((type) => e instanceof type)) return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (code && (NETWORK_CODES.has(code) || code.startsWith('UND_ERR_'))) return true;
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return true;
  if (/timeout|timed out|socket hang up|aborted/i.test(typeof e.message === 'string' ? e.message : '')) return true;
  return !!e.cause && typeof e.cause === 'object' && e.cause !== e && isNetworkError(e.cause as ErrorLike, depth + 1);
}

/**
 * What to do after a failed send: retry (network trouble, timeouts, 5xx, 408/412/429 with Retry-After),
 * give up (other 4xx, a message that can never be sent, a programming error), or park it once it has
 * been retried for MAX_RETRY_MS.
 */
export function retryDecision(err: unknown, attempts: number, ageMs = 0): RetryDecision {
  if (err instanceof UndeliverableError) return { retry: false, reason: err.message };
  const e = (err ?? {}) as ErrorLike;
  // Status 0 means no HTTP answer at all (the network failed): decided by the error code instead.
  const status = [e.statusCode, e.status, e.response?.status].find((s) => typeof s === 'number' && s > 0);
  const reason = status ? `HTTP ${status}` : String(e.code ?? e.message ?? 'unknown error').slice(0, 200);
  let retryable: boolean;
  if (status !== undefined) retryable = status >= 500 || RETRYABLE_STATUS.has(status);
  else if (e.retryable === true || isNetworkError(e)) retryable = true;
  else return { retry: false, reason, programmingError: true };
  if (!retryable) return { retry: false, reason };
  const retryAfterMs = readRetryAfter(e.response?.headers);
  const backoff = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(Math.max(attempts - 1, 0), 20));
  const jitter = Math.random() * 0.2 * backoff;
  const delayMs = Math.max(retryAfterMs ?? 0, Math.round(backoff + jitter));
  if (ageMs + delayMs > MAX_RETRY_MS)
    return { retry: false, reason: `${reason} (${Math.round(MAX_RETRY_MS / 3_600_000)} uur geprobeerd)`, park: true };
  return retryAfterMs === undefined ? { retry: true, delayMs, reason } : { retry: true, delayMs, reason, retryAfterMs };
}

function readRetryAfter(headers: unknown): number | undefined {
  if (!headers) return undefined;
  const h = headers as { get?: (name: string) => string | null | undefined } & Record<string, unknown>;
  const raw = typeof h.get === 'function' ? h.get('retry-after') : (h['retry-after'] as string | undefined);
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

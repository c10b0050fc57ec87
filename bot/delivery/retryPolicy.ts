/** A message that can never be delivered (no retry helps). */
export class UndeliverableError extends Error {}

export type RetryDecision = { retry: true; delayMs: number; reason: string } | { retry: false; reason: string };

const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 15 * 60_000;
/** After this many attempts (about a week at the maximum delay) a message is given up. */
const MAX_ATTEMPTS = 700;

/** Teams answers that mean "try again later" (see the Teams rate-limit guidance). */
const RETRYABLE_STATUS = new Set([408, 409, 412, 429, 500, 502, 503, 504]);

export function retryDecision(err: unknown, attempts: number): RetryDecision {
  if (err instanceof UndeliverableError) return { retry: false, reason: err.message };
  const e = err as { statusCode?: number; status?: number; code?: string; message?: string; retryable?: boolean; response?: { headers?: unknown; status?: number } };
  const status = e.statusCode ?? e.status ?? e.response?.status;
  const reason = status ? `HTTP ${status}` : (e.code ?? e.message ?? 'unknown error').slice(0, 200);
  const retryable = e.retryable === true || status === undefined || RETRYABLE_STATUS.has(status);
  if (!retryable || attempts >= MAX_ATTEMPTS) return { retry: false, reason };
  const retryAfterMs = readRetryAfter(e.response?.headers);
  const backoff = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(attempts - 1, 20));
  const jitter = Math.random() * 0.2 * backoff;
  return { retry: true, delayMs: Math.max(retryAfterMs ?? 0, Math.round(backoff + jitter)), reason };
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

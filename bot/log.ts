import pino from 'pino';

export type Logger = pino.Logger;

/**
 * An error as it may be logged: type, code and stack frames, without the message (database
 * errors can quote the values of the failed call, which may be about a pupil).
 */
export function safeError(err: unknown): { type: string; code?: string; stack?: string } {
  const e = err as { name?: string; code?: unknown; stack?: string };
  return {
    type: e?.name ?? typeof err,
    code: typeof e?.code === 'string' ? e.code : undefined,
    stack: e?.stack
      ?.split('\n')
      .filter((line) => line.trimStart().startsWith('at '))
      .slice(0, 8)
      .join('\n'),
  };
}

/**
 * Structured JSON logs. Callers log ids, routes and outcomes only: never names, free text or
 * anything about a pupil. The redact list is a safety net for fields that should never appear.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'sot-bot' },
    redact: { paths: ['*.text', '*.value', '*.name', '*.email', 'activity', 'card'], censor: '[weggelaten]' },
  });
}

import pino from 'pino';

export type Logger = pino.Logger;

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

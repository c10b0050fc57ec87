// HTML → PDF with the system's headless Chromium (Debian's `chromium`), driven by playwright-core (which
// never downloads a browser itself). One browser per process, started on the first PDF and closed on
// shutdown; each PDF gets its own short-lived, offline browser context. When Chromium is missing or does
// not start, `print` answers null and the caller says to print the web page instead.
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM_PATH } from '../../chromium.ts';
import { safeError, type Logger } from '../../log.ts';

const RENDER_TIMEOUT_MS = 20_000;
/** PDFs made side by side; the rest wait their turn (Chromium is heavy on a small machine). */
const CONCURRENCY = 2;

export interface PdfPrinter {
  /** The page as an A4 PDF, or null when no browser is available. */
  print(html: string): Promise<Buffer | null>;
  close(): Promise<void>;
}

export function createPdfPrinter(options: { executablePath?: string; logger: Logger }): PdfPrinter {
  const executablePath = options.executablePath ?? DEFAULT_CHROMIUM_PATH;
  const { logger } = options;
  let browser: Promise<Browser | null> | null = null;
  let closed = false;
  let running = 0;
  const waiting: (() => void)[] = [];

  const launch = (): Promise<Browser | null> => {
    if (!fs.existsSync(executablePath)) {
      logger.warn({ executablePath }, 'no Chromium for PDFs; the printable web page still works');
      return Promise.resolve(null);
    }
    // Loaded on the first PDF only: most processes never make one, and the bot starts faster without it.
    return import('playwright-core')
      .then(({ chromium }) => chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: RENDER_TIMEOUT_MS }))
      .then(
        (b) => {
          b.on('disconnected', () => {
            // A crashed browser is started again for the next PDF.
            if (browser && !closed) browser = null;
          });
          logger.info('Chromium started for PDFs');
          return b;
        },
        (err) => {
          logger.error({ err: safeError(err) }, 'Chromium did not start; PDFs unavailable');
          return null;
        },
      );
  };

  const getBrowser = async (): Promise<Browser | null> => {
    if (closed) return null;
    browser ??= launch();
    const b = await browser;
    // Not found or failed: try again on a later request (Chromium may be installed meanwhile).
    if (!b) browser = null;
    return b;
  };

  const slot = async () => {
    if (running >= CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
  };
  const release = () => {
    running--;
    waiting.shift()?.();
  };

  return {
    async print(html) {
      await slot();
      try {
        const b = await getBrowser();
        if (!b) return null;
        const context = await b.newContext({ offline: true, javaScriptEnabled: false });
        try {
          const page = await context.newPage();
          // Nothing may leave the machine: the page has no outside resources, and any attempt fails at once.
          await page.route(/^(?!data:|about:)/, (route) => route.abort());
          await page.setContent(html, { waitUntil: 'load', timeout: RENDER_TIMEOUT_MS });
          return await withTimeout(page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }), RENDER_TIMEOUT_MS);
        } finally {
          await context.close().catch(() => undefined);
        }
      } catch (err) {
        logger.error({ err: safeError(err) }, 'PDF failed');
        return null;
      } finally {
        release();
      }
    },
    async close() {
      closed = true;
      const b = await browser?.catch(() => null);
      browser = null;
      await b?.close().catch(() => undefined);
    },
  };
}

/** Rejects when `promise` takes longer than `ms` (the caller's finally closes the browser context). */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

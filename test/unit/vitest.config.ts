import { defineConfig } from 'vitest/config';

/**
 * The unit tests need no database: `npx vitest run --config test/unit/vitest.config.ts` runs them in
 * about a second, without the global setup that boots one. `npm run test:unit` picks them up as well.
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/unit/**/*.test.ts'],
  },
});

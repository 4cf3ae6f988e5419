import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // tests/** covers tests/unit, tests/facts and tests/e2e.
    include: ['tests/**/*.test.ts', 'shared/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});

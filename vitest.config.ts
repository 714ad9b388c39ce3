import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** Unit tests: Node for core/, electron/ (with `electron` mocked) and the browser host; jsdom for the renderer. */
export default defineConfig({
  test: {
    // Unit tests assert no timings (the benchmark measures speed); on CI the fuzz's sandboxes
    // share two cores with every other file, so a test that takes 2 s here may take 10 s there.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
    projects: [
      {
        // Each project takes the timeouts and reporters above (projects do not, unless they extend).
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/core/**/*.test.ts', 'tests/unit/browser-host/**/*.test.ts', 'tests/unit/scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'electron',
          environment: 'node',
          include: ['tests/unit/electron/**/*.test.ts'],
          setupFiles: ['tests/unit/electron/setup.ts'],
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: { name: 'renderer', environment: 'jsdom', include: ['tests/unit/renderer/**/*.test.{ts,tsx}'] },
      },
    ],
  },
});

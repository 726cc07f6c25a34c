import { defineConfig } from '@playwright/test';
import type { GlossTestOptions } from './e2e/fixtures';

// The same specs run through both doors of the product: the web host in Debian's Chromium,
// and the Electron app wherever its binary is installed (the electron project says when not).
export default defineConfig<GlossTestOptions>({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'web', use: { host: 'web' } },
    { name: 'electron', use: { host: 'electron' } },
  ],
});

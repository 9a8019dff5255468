import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Use the system Chromium where it exists (Debian's /usr/bin/chromium, or CHROMIUM_PATH);
// elsewhere fall back to Playwright's own browser so the suite also runs on a laptop.
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const PORT = Number(process.env.E2E_PORT ?? 5183);

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry on CI only: a shared 2-core machine can starve a browser; Playwright still reports such a test as flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: 'off',
  },
  webServer: {
    // Every spec expects a fresh project in each new browser context, so this host keeps none on
    // disk; e2e/project-file.spec.ts starts hosts with project files of their own.
    command: `npx tsx main/web/cli.ts --port ${PORT} --no-project-file`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});

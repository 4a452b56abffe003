/**
 * End-to-end tests against the production build (`vite build` + `vite preview`), in Debian's
 * Chromium: Playwright's own browser download cannot run here. CHROMIUM_PATH overrides the path.
 */
import { defineConfig } from '@playwright/test';
import { findChromium } from './e2e/support/chromium-path.js';

// PW_PORT lets several engineers run the specs at once: each gets its own port and build folder
const PORT = Number(process.env.PW_PORT ?? 4173);
const OUT_DIR = process.env.PW_PORT ? `.e2e-dist/${PORT}` : 'dist';

export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.PW_PORT ? `test-results/${PORT}` : 'test-results',
  workers: 1,
  timeout: 60_000,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: findChromium() ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite build --outDir ${OUT_DIR} --emptyOutDir && npx vite preview --outDir ${OUT_DIR} --port ${PORT} --strictPort`,
    // the port, not a URL: the server is up before every page exists during the build-out
    port: PORT,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});

/**
 * Unit tests: generators and engines in Node. Playwright specs in e2e/ run separately
 * (npm run test:e2e), so they are excluded here.
 */
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.js';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      exclude: [...configDefaults.exclude, 'e2e/**'],
      testTimeout: 60_000,
      hookTimeout: 60_000,
    },
  }),
);

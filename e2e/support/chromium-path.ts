// Where the end-to-end tests find a Chromium: CHROMIUM_PATH, else the usual Debian/Ubuntu
// locations. Playwright's own browser download is not used (it cannot run offline).
import { existsSync } from 'node:fs';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? configured : undefined;
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p));
}

// Run before the end-to-end tests: fail early, and say how to get a browser, when none is found.
import { findChromium, CHROMIUM_CANDIDATES } from './chromium-path.js';

const found = findChromium();
if (!found) {
  console.error(`No Chromium found for the end-to-end tests (looked at ${process.env.CHROMIUM_PATH ?? CHROMIUM_CANDIDATES.join(', ')}).
Install Debian's Chromium as root:   apt-get update && apt-get install -y chromium
or point to one you have:            CHROMIUM_PATH=/path/to/chromium npm test`);
  process.exit(1);
}
console.log(`end-to-end tests use ${found}`);

// Debian's Chromium, launched the one way for the end-to-end tests and the benches, so that
// every page they measure runs in the same browser with the same flags.
import { chromium } from 'playwright-core';
import { browserPath } from './system-tools.mjs';

/** Headless Chromium as root (no sandbox), talking to nothing but the pages it is sent to. */
export function launchChromium() {
  return chromium.launch({
    executablePath: browserPath('chromium'),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

// Browser tests in Debian's Firefox ESR (/usr/bin/firefox-esr, or $FIREFOX_PATH) instead of
// Chromium: same files, plugins, middleware and reporters as web-test-runner.config.mjs.
// See scripts/firefox-launcher.mjs for how Firefox is driven (puppeteer-core over WebDriver BiDi).
import config from './web-test-runner.config.mjs';
import { firefoxLauncher } from './scripts/firefox-launcher.mjs';
import { hardenFiguresPlugin, transcriptsPlugin } from './scripts/wtr-plugins.mjs';

export default {
  ...config,
  browsers: [firefoxLauncher()],
  plugins: config.plugins.map((p) => (p.name === 'citopia-harden-figures' ? hardenFiguresPlugin({ browser: 'Firefox' }) : p.name === 'citopia-transcripts' ? transcriptsPlugin({ browser: 'firefox' }) : p)),
};

// Browser tests: real Chromium (Debian's /usr/bin/chromium, never a downloaded one), TypeScript
// sources compiled on the fly by esbuild, packages resolved to their `source` export condition.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';

import { defaultReporter } from '@web/test-runner';
import { sharedFixturesPlugin, testEndpointsPlugin, chunkFaultsPlugin, summaryReporter, reactEsmPlugin, hardenFiguresPlugin, cspPagesPlugin, readTextPlugin, transcriptsPlugin } from './scripts/wtr-plugins.mjs';
import { browserPath } from './scripts/system-tools.mjs';

const plugins = [sharedFixturesPlugin(), testEndpointsPlugin(), chunkFaultsPlugin(), cspPagesPlugin(), readTextPlugin(), transcriptsPlugin({ browser: (process.env.CITOPIA_BROWSER ?? 'Chromium').toLowerCase() }), hardenFiguresPlugin({ browser: process.env.CITOPIA_BROWSER ?? 'Chromium' })];
// Packages may add their own test-server plugins (packages/*/wtr-plugin.mjs: a real Open311
// server, server-side rendering...), each a default export returning an array of plugins.
for (const dir of readdirSync('packages')) {
  const file = join('packages', dir, 'wtr-plugin.mjs');
  if (existsSync(file)) plugins.push(...(await import(pathToFileURL(resolve(file)).href)).default());
}

export default {
  rootDir: '.',
  files: process.env.WTR_FILES?.split(',') ?? ['packages/*/test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['citopia-source', 'browser', 'import', 'default'] },
  // Two test pages at a time, one per core. Tests assert behaviour, never speed (a time bound
  // only catches a hang, at 10 times the goal): speed is measured by `npm run bench`.
  concurrency: 2,
  // Per test file, a hang guard: the longest file (every naughty string through every component)
  // takes about 1.5 min alone in Firefox; a file still running at 8 min is stuck, not slow.
  testsFinishTimeout: 8 * 60_000,
  // Starting a browser page on a loaded machine (Firefox above all) can outlast the default 30 s.
  browserStartTimeout: 120_000,
  browsers: [
    chromeLauncher({
      // Each test page in its own browser context (its own window): visible and given animation
      // frames even when two pages run at once. Two windows still take the focus from each other
      // now and then (a CI run saw `focus()` fire no focusin), so every page is told it has the
      // focus, as a resident's page in front has (what Playwright does for every page).
      createPage: async ({ browser }) => {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        await (await page.createCDPSession()).send('Emulation.setFocusEmulationEnabled', { enabled: true });
        page.once('close', () => void context.close().catch(() => {}));
        return page;
      },
      launchOptions: {
        executablePath: browserPath('chromium'),
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows'],
      },
    }),
  ],
  middleware: plugins.filter((p) => p.middleware).map((p) => p.middleware),
  plugins: [
    reactEsmPlugin(),
    a11ySnapshotPlugin(),
    esbuildPlugin({ ts: true, tsx: true, jsxFactory: 'React.createElement', jsxFragment: 'React.Fragment', tsconfig: './tsconfig.base.json', target: 'es2022' }), ...plugins],
  reporters: [defaultReporter(), summaryReporter()],
  testFramework: { config: { timeout: 10_000 } },
  // Every page registers one root hook before its test file loads: a failure on DOM nodes is
  // reported, instead of hanging the file (packages/testing/src/reportable-failures.ts).
  testRunnerHtml: (framework) =>
    `<!DOCTYPE html><html><head></head><body><script type="module">import '${framework}'; import { reportableFailure } from '/packages/testing/src/reportable-failures.ts'; window.mocha.suite.afterEach(reportableFailure);</script></body></html>`,
};

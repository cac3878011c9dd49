// Browser tests: real Chromium (Debian's /usr/bin/chromium, never a downloaded one), TypeScript
// sources compiled on the fly by esbuild, packages resolved to their `source` export condition.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';

import { defaultReporter } from '@web/test-runner';
import { sharedFixturesPlugin, testEndpointsPlugin, summaryReporter, reactEsmPlugin, hardenFiguresPlugin, cspPagesPlugin, readTextPlugin, transcriptsPlugin } from './scripts/wtr-plugins.mjs';
import { browserPath } from './scripts/system-tools.mjs';

const plugins = [sharedFixturesPlugin(), testEndpointsPlugin(), cspPagesPlugin(), readTextPlugin(), transcriptsPlugin({ browser: (process.env.CITOPIA_BROWSER ?? 'Chromium').toLowerCase() }), hardenFiguresPlugin({ browser: process.env.CITOPIA_BROWSER ?? 'Chromium' })];
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
      // Each test page in its own browser context (its own window): visible, focused and given
      // animation frames even when two pages run at once.
      createPage: async ({ browser }) => {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
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
};

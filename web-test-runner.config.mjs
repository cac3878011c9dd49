// Browser tests: real Chromium (Debian's /usr/bin/chromium, never a downloaded one), TypeScript
// sources compiled on the fly by esbuild, packages resolved to their `source` export condition.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

import { defaultReporter } from '@web/test-runner';
import { sharedFixturesPlugin, testEndpointsPlugin, summaryReporter, reactEsmPlugin } from './scripts/wtr-plugins.mjs';

const plugins = [sharedFixturesPlugin(), testEndpointsPlugin()];
// Packages may add their own test-server plugins (for example a real Open311 server).
for (const extra of ['./packages/open311-server/wtr-plugin.mjs']) {
  try {
    const mod = await import(extra);
    plugins.push(...mod.default());
  } catch (error) {
    if (error.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  }
}

export default {
  rootDir: '.',
  files: process.env.WTR_FILES?.split(',') ?? ['packages/*/test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'import', 'default'] },
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 10 * 60_000,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
      },
    }),
  ],
  middleware: plugins.filter((p) => p.middleware).map((p) => p.middleware),
  plugins: [
    reactEsmPlugin(),
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.base.json', target: 'es2022' }), ...plugins],
  reporters: [defaultReporter(), summaryReporter()],
  testFramework: { config: { timeout: 10_000 } },
};

// `npm run a11y:report`: the full axe report for auditors (see scripts/a11y-report/).
import base from './web-test-runner.config.mjs';
import { a11yReportPlugin } from './scripts/a11y-report/report-plugin.mjs';

export default {
  ...base,
  files: ['scripts/a11y-report/report.test.ts'],
  concurrency: 1,
  testFramework: { config: { timeout: 30 * 60_000 } },
  plugins: [...base.plugins, a11yReportPlugin()],
};

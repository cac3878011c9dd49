import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { StorybookConfig } from '@storybook/web-components-vite';

// Each package's fixtures/ folder (data files our fixtures load by URL) is served at the same
// path as in the test server, so one fixture list works in both.
const fixtureDirs = readdirSync('packages')
  .filter((name) => existsSync(join('packages', name, 'fixtures')))
  .map((name) => ({ from: `../packages/${name}/fixtures`, to: `/packages/${name}/fixtures` }));

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  staticDirs: fixtureDirs,
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};
export default config;

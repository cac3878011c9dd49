import { defineFixtures } from '@citopia/core/fixtures';
import type { OpenSourceBadge } from './citopia-open-source-badge.js';

/** The one list of states of <citopia-open-source-badge>: stories, tests, the axe sweep and docs all read it. */
export const fixtures = defineFixtures<OpenSourceBadge>({
  tag: 'citopia-open-source-badge',
  title: 'Open-source badge',
  fixtures: [{ name: 'default', title: 'Default' }],
});

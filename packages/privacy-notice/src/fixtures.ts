import { defineFixtures } from '@citopia/core/fixtures';
import type { PrivacyNotice } from './citopia-privacy-notice.js';

/** The one list of states of <citopia-privacy-notice>: stories, tests, the axe sweep and docs all read it. */
export const fixtures = defineFixtures<PrivacyNotice>({
  tag: 'citopia-privacy-notice',
  title: 'Privacy notice',
  fixtures: [{ name: 'default', title: 'Default' }],
});

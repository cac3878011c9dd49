import { defineFixtures } from '@citopia/core/fixtures';
import type { ServiceFinder } from './citopia-service-finder.js';

/** The one list of states of <citopia-service-finder>: stories, tests, the axe sweep and docs all read it. */
export const fixtures = defineFixtures<ServiceFinder>({
  tag: 'citopia-service-finder',
  title: 'Service finder',
  fixtures: [{ name: 'default', title: 'Default' }],
});

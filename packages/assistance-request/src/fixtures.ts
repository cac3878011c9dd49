import { defineFixtures } from '@citopia/core/fixtures';
import type { AssistanceRequest } from './citopia-assistance-request.js';

/** The one list of states of <citopia-assistance-request>: stories, tests, the axe sweep and docs all read it. */
export const fixtures = defineFixtures<AssistanceRequest>({
  tag: 'citopia-assistance-request',
  title: 'Assistance request',
  fixtures: [{ name: 'default', title: 'Default' }],
});

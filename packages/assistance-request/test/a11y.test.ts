// The axe sweep: every fixture (test-only ones too: the test runner has the servers they need),
// in every locale, light and dark.
import { a11ySweep } from '@citopia/testing';
import '../src/index.js';
import { fixtures } from '../src/fixtures.js';
import { cleanUp, context } from './helpers.js';

describe('<citopia-assistance-request> accessibility', () => {
  after(cleanUp);
  a11ySweep(fixtures, { context });
});

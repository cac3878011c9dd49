import { expect } from '@open-wc/testing';
import { a11ySweep, mountFixture } from '@citopia/testing';
import '../src/index.js';
import { fixtures } from '../src/fixtures.js';

describe('<citopia-assistance-request>', () => {
  afterEach(() => document.querySelectorAll('[data-citopia-test]').forEach((n) => n.remove()));

  it('renders', async () => {
    const { el } = await mountFixture(fixtures, 'default');
    expect(el.shadowRoot).to.exist;
  });
});

a11ySweep(fixtures);

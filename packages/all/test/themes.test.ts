/**
 * Theming proven, not promised: both city themes (only --citopia-* properties and ::part), on
 * every fixture of every component, in light and dark, pass axe (colour contrast included).
 */
import { expect } from '@open-wc/testing';
import { expectAccessible, mountFixture, setColorScheme } from '@citopia/testing';
import type { FixtureContext, FixtureList } from '@citopia/core/fixtures';
import { context as open311Context } from '../../assistance-request/test/helpers.js';
import '../src/index.js';
import { fixtures as serviceFinder } from '../../service-finder/src/fixtures.js';
import { fixtures as assistanceRequest } from '../../assistance-request/src/fixtures.js';
import { fixtures as privacyNotice } from '../../privacy-notice/src/fixtures.js';
import { fixtures as openSourceBadge } from '../../open-source-badge/src/fixtures.js';

const lists = [serviceFinder, assistanceRequest, privacyNotice, openSourceBadge] as unknown as FixtureList[];
// The assistance request's fixtures submit to a real local Open311 server.
const contextFor = async (list: FixtureList): Promise<FixtureContext | undefined> => (list === (assistanceRequest as unknown) ? open311Context() : undefined);
const THEMES = ['rouge-et-jaune', 'vert'];

async function loadTheme(name: string) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = `/packages/all/themes/${name}.css`;
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = reject;
  });
  document.head.append(link);
  await loaded;
}

describe('city themes', function () {
  this.timeout(60_000);
  before(async () => {
    for (const theme of THEMES) await loadTheme(theme);
  });
  afterEach(() => document.querySelectorAll('[data-citopia-test]').forEach((n) => n.remove()));
  after(() => setColorScheme('light', 'no-preference'));

  it('change the components through custom properties alone', async () => {
    const { el, wrapper, remove } = await mountFixture(lists[0]!, lists[0]!.fixtures[0]!.name, { lang: 'fr' });
    const plain = getComputedStyle(el).getPropertyValue('--_primary');
    wrapper.classList.add('citopia-theme-vert');
    const themed = getComputedStyle(el).getPropertyValue('--_primary');
    remove();
    expect(themed).to.contain('#0f5c32');
    expect(themed).not.to.equal(plain);
  });

  // One test per fixture and theme, each with its own time: a hang guard, not a speed goal.
  for (const theme of THEMES) {
    for (const list of lists) {
      for (const fixture of list.fixtures.filter((f) => !f.skipAxe)) {
        it(`${theme}: <${list.tag}> "${fixture.name}" passes axe in light and dark`, async () => {
          const context = await contextFor(list);
          const { wrapper, remove } = await mountFixture(list, fixture.name, context ? { lang: 'fr', context } : { lang: 'fr' });
          wrapper.classList.add(`citopia-theme-${theme}`);
          try {
            for (const scheme of ['light', 'dark'] as const) {
              await setColorScheme(scheme);
              await expectAccessible(wrapper, `${list.tag} "${fixture.name}" in theme ${theme}, ${scheme}`);
            }
          } finally {
            remove();
            await setColorScheme('light', 'no-preference');
          }
        });
      }
    }
  }
});

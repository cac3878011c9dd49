/**
 * The accessibility sweep every component runs: each fixture, in each shipped locale, in light
 * and dark colour scheme (emulated as a real media query), mounted under `<div lang>` and
 * checked with axe. Generates one mocha test per fixture and locale.
 */
import { SUPPORTED_LOCALES } from '@citopia/core';
import { expectAccessible } from './axe.js';
import { setColorScheme } from './media.js';
import { createFixtureElement, fixtureReady, originContext, type FixtureContext, type FixtureList } from '@citopia/core/fixtures';

export const COLOR_SCHEMES = ['light', 'dark'] as const;

export interface MountOptions {
  lang?: string;
  context?: FixtureContext;
}

/** Mounts a fixture under a `<div lang>` in the test page; returns the element and its wrapper. */
export async function mountFixture<E extends HTMLElement>(list: FixtureList<E>, name: string, options: MountOptions = {}) {
  const fixture = list.fixtures.find((f) => f.name === name);
  if (!fixture) throw new Error(`no fixture ${name} in ${list.tag}`);
  const wrapper = document.createElement('div');
  wrapper.lang = options.lang ?? 'en';
  wrapper.dataset.citopiaTest = '';
  const el = await createFixtureElement(list, fixture, options.context ?? originContext());
  wrapper.append(el);
  document.body.append(wrapper);
  await fixtureReady(el, fixture);
  return { el, wrapper, fixture, remove: () => wrapper.remove() };
}

export interface SweepOptions {
  locales?: readonly string[];
  context?: () => FixtureContext | Promise<FixtureContext>;
}

/** Declares the axe sweep for a component's fixture list (call inside a mocha `describe`). */
export function a11ySweep<E extends HTMLElement>(list: FixtureList<E>, options: SweepOptions = {}): void {
  const locales = options.locales ?? SUPPORTED_LOCALES;
  describe(`${list.tag}: axe WCAG 2.2 A/AA sweep`, function () {
    // A hang guard, not a speed goal: a big fixture (10,000 services) checked twice by axe on a
    // shared, loaded machine takes a good part of this.
    this.timeout(60_000);
    afterEach(async () => {
      document.querySelectorAll('[data-citopia-test]').forEach((n) => n.remove());
      await setColorScheme('light', 'no-preference');
    });
    for (const fixture of list.fixtures) {
      for (const lang of locales) {
        const title = `${fixture.name} [${lang}] light and dark`;
        if (fixture.skipAxe) {
          it.skip(`${title} (skipped: ${fixture.skipAxe})`);
          continue;
        }
        it(title, async () => {
          const context = options.context ? await options.context() : originContext();
          const { wrapper } = await mountFixture(list, fixture.name, { lang, context });
          for (const scheme of COLOR_SCHEMES) {
            await setColorScheme(scheme);
            await expectAccessible(wrapper, `${list.tag} fixture "${fixture.name}" in ${lang}, ${scheme} scheme`);
          }
        });
      }
    }
  });
}

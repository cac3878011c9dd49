/**
 * `npm run a11y:report`: axe over every fixture of every component, in every locale and colour
 * scheme, in Chromium. Unlike the test sweep it keeps everything axe says (rules run, passes,
 * items for manual review, violations) and hands it to the report writer (report-plugin.mjs).
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { SUPPORTED_LOCALES } from '@citopia/core';
import { loadAxe, WCAG_TAGS, mountFixture, setColorScheme } from '@citopia/testing';
import type { FixtureList } from '@citopia/core/fixtures';
import { context as open311Context } from '../../packages/assistance-request/test/helpers.js';
import '../../packages/all/src/index.js';
import { fixtures as serviceFinder } from '../../packages/service-finder/src/fixtures.js';
import { fixtures as assistanceRequest } from '../../packages/assistance-request/src/fixtures.js';
import { fixtures as privacyNotice } from '../../packages/privacy-notice/src/fixtures.js';
import { fixtures as openSourceBadge } from '../../packages/open-source-badge/src/fixtures.js';

const lists = [serviceFinder, assistanceRequest, privacyNotice, openSourceBadge] as unknown as FixtureList[];

describe('accessibility report', function () {
  this.timeout(30 * 60_000);
  it('runs axe over every fixture, locale and colour scheme', async () => {
    await loadAxe();
    for (const list of lists) {
      for (const fixture of list.fixtures) {
        for (const lang of SUPPORTED_LOCALES) {
          let mounted;
          try {
            // The assistance request's fixtures submit to a real local Open311 server.
            mounted = await mountFixture(list, fixture.name, list === (assistanceRequest as unknown) ? { lang, context: await open311Context() } : { lang });
          } catch (error) {
            await executeServerCommand('a11y-report-result', { tag: list.tag, fixture: fixture.name, title: fixture.title, lang, scheme: 'light', error: String(error) });
            continue;
          }
          for (const scheme of ['light', 'dark'] as const) {
            await setColorScheme(scheme);
            const results = await window.axe!.run(mounted.wrapper, { runOnly: { type: 'tag', values: WCAG_TAGS } });
            const slim = (items: typeof results.passes) =>
              items.map((r) => ({ id: r.id, impact: r.impact, help: r.help, helpUrl: r.helpUrl, tags: r.tags, nodes: r.nodes.map((n) => ({ target: n.target, summary: n.failureSummary ?? '' })) }));
            await executeServerCommand('a11y-report-result', {
              tag: list.tag, fixture: fixture.name, title: fixture.title, lang, scheme, skipped: fixture.skipAxe,
              passes: slim(results.passes), incomplete: slim(results.incomplete), violations: slim(results.violations), inapplicable: results.inapplicable.map((r) => r.id),
            });
          }
          mounted.remove();
          await setColorScheme('light', 'no-preference');
        }
      }
    }
  });
});

import { clickWhenShown, defineFixtures, failingFirst, until, type Fixture } from '@citopia/core/fixtures';
import { createSafeStorage } from '@citopia/core/storage';
import type { PrivacyNotice } from './citopia-privacy-notice.js';

const FIXTURES = 'packages/privacy-notice/fixtures/';

/** Core's `until` (timer-polled), with the longer wait these fixtures have always allowed. */
const waitFor = (predicate: () => unknown, what: string) => until(predicate, 6000, what);
const DAY = 86_400_000;

/** Resolves once the configuration is loaded (or failed) and rendered. */
const loaded = async (el: PrivacyNotice) => {
  await waitFor(() => el.state !== 'idle' && el.state !== 'loading', 'the privacy notice to load');
  await el.updateComplete;
};

/**
 * A fixture on the Ville de Démo configuration, with its own storage key (so fixtures never share
 * a stored choice) and the stored choice it needs: none, or one of `version` made `daysAgo`.
 */
function notice(name: string, title: string, description: string, options: { config?: string; choice?: { version: string; daysAgo: number }; more?: Partial<Fixture<PrivacyNotice>> } = {}): Fixture<PrivacyNotice> {
  const key = `fixture-${name}`;
  return {
    name,
    title,
    description,
    ...options.more,
    attributes: { 'storage-key': key, ...options.more?.attributes },
    setup: (el, context) => {
      el.src = context.url(FIXTURES + (options.config ?? 'config-consent.json'));
      const storage = createSafeStorage('citopia:');
      const c = options.choice;
      if (c) storage.setJson(key, { version: c.version, date: new Date(Date.now() - c.daysAgo * DAY).toISOString(), choices: { statistics: true, maps: false } });
      else storage.remove(key);
      return options.more?.setup?.(el, context);
    },
    ready: options.more?.ready ?? loaded,
  };
}

/** The one list of states of <citopia-privacy-notice>: stories, tests, the axe sweep and docs all read it. */
export const fixtures = defineFixtures<PrivacyNotice>({
  tag: 'citopia-privacy-notice',
  title: 'Privacy notice',
  fixtures: [
    notice('transparency', 'Transparency notice only', 'Every purpose rests on a legal basis other than consent: a summary with data categories and the full notice in a disclosure; no banner, no buttons.', {
      config: 'config-transparency.json',
    }),
    notice('consent-needed', 'Consent needed', 'Statistics and maps need consent: the summary, and "Accept all", "Refuse all" and "Choose" with equal weight, in the page flow.'),
    notice('choice-stored', 'Choice stored', 'A current choice is stored: only the small "Privacy settings" button remains, to change or withdraw it.', {
      choice: { version: '2025-03', daysAgo: 10 },
    }),
    notice('gpc', 'Global Privacy Control', 'The browser sends Global Privacy Control: every consent purpose starts refused, and the notice says so instead of asking.', {
      more: { properties: { gpc: true } },
    }),
    notice('expired-choice', 'Expired choice', 'The stored choice is 14 months old (longer than 13 months): the banner asks again and says why.', {
      choice: { version: '2025-03', daysAgo: 426 },
    }),
    notice('new-version', 'New version of the notice', 'The stored choice answered an earlier version: the banner asks again and says the notice changed.', {
      choice: { version: '2024-06', daysAgo: 30 },
    }),
    notice('invalid-config', 'Invalid configuration', 'purposes[2].legalBasis is not a legal basis: a console error names the field, and the notice shows the controller\'s contact instead of nothing.', {
      config: 'config-invalid.json',
    }),
    notice('details-inline', 'Details inline (privacy-policy page)', 'mode="inline": every item of the notice under real headings, with the per-purpose switches, in the page.', {
      more: { attributes: { mode: 'inline' } },
    }),
    notice('easy-read', 'Easy to read: the banner', 'reading="easy": the consent banner in easy-to-read language, the toggle pressed after the three choices.', {
      more: { attributes: { reading: 'easy' } },
    }),
    notice('easy-read-inline', 'Easy to read: details inline', 'reading="easy" with mode="inline": every heading and text in easy-to-read language; purposes with an easyDescription show it.', {
      more: { attributes: { mode: 'inline', reading: 'easy' } },
    }),
    notice('details-dialog', 'Details in the dialog', 'The details opened from "Choose": a native modal dialog, focus on its heading, the page behind inert.', {
      more: {
        // In setup, so that the story opens it too (stories do not run `ready`).
        setup: (el) => void waitFor(() => el.state === 'ready', 'the notice').then(() => el.openSettings()),
        ready: async (el) => {
          await loaded(el);
          await waitFor(() => el.shadowRoot?.querySelector('dialog')?.open, 'the dialog to open');
        },
      },
    }),
    notice('bottom', 'Bottom of the window', 'position="bottom": the banner sits at the bottom of the window and pads the page by its height, so it never covers the focused element.', {
      more: { attributes: { position: 'bottom' } },
    }),
    notice('placeholder', 'Click-to-load placeholder', 'An embedded map waits for consent behind an accessible placeholder that asks for it in context.', {
      more: {
        setup: (el, context) => {
          const frame = document.createElement('iframe');
          frame.title = 'Map of the town hall';
          frame.dataset.citopiaPurpose = 'maps';
          frame.dataset.src = context.url(FIXTURES + 'gated-frame.html');
          void waitFor(() => el.isConnected, 'the notice in the page').then(() => el.after(frame));
        },
        ready: async (el) => {
          await loaded(el);
          await waitFor(() => el.parentElement?.querySelector('[data-citopia-placeholder]'), 'the placeholder');
        },
      },
    }),
    notice('retry-recovered', 'Loaded after "Try again"', 'The first request fails (503); "Try again" loads the configuration, and the focus moves to the notice\'s heading.', {
      more: {
        testOnly: true,
        setup: (el) => {
          el.src = failingFirst(FIXTURES + 'config-consent.json');
          void clickWhenShown(el, '.message.error button');
        },
        ready: (el) => waitFor(() => el.state === 'ready' && el.shadowRoot?.querySelector('#title'), 'the notice after "Try again"'),
      },
    }),
    notice('load-error', 'Configuration fails to load', 'The server answers 500: a translated explanation and a retry button.', {
      more: {
        testOnly: true,
        setup: (el) => {
          el.src = '/__test/status/500';
        },
      },
    }),
  ],
});

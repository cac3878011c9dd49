// Screen-reader walks of <citopia-open-source-badge> (issue 13): one script per main task, in every
// locale, asserting what a person hears in order (built from the translations in xliff/), that
// nothing is announced twice or in the wrong language, and comparing the whole log with its
// reviewed transcript (test/transcripts/<task>.<locale>.txt; UPDATE_TRANSCRIPTS=1 rewrites).
import { expect } from '@open-wc/testing';
import { SUPPORTED_LOCALES } from '@citopia/core';
import { createFixtureElement, originContext } from '@citopia/core/fixtures';
import { expectLanguage, expectNoDuplicateAnnouncements, expectPhrases, matchTranscript, mountFixture, startReader, translation, type Reader } from '@citopia/testing';
import '../src/index.js';
import { fixtures } from '../src/fixtures.js';

const PKG = 'open-source-badge';
const t = (locale: string, id: string, ...values: Array<string | number>) => translation(PKG, locale, id, ...values);

describe('<citopia-open-source-badge> screen-reader walks', function () {
  this.timeout(40_000);
  let reader: Reader | undefined;
  afterEach(async () => {
    await reader?.stop();
    reader = undefined;
    document.querySelectorAll('[data-citopia-test]').forEach((n) => n.remove());
  });

  /** The software's name as the badge picks it for the page (the Arabic page falls back to English). */
  const NAME: Record<string, string> = { fr: 'Guichet en ligne', de: 'Online-Schalter', it: 'Sportello online', en: 'Online counter', ar: 'Online counter' };

  for (const locale of SUPPORTED_LOCALES) {
    describe(`[${locale}]`, () => {
      /** The pill and the toggle, as heard before anything is opened. */
      async function summaryPhrases(license: string, name: string) {
        const pill = `link, ${await t(locale, 'osb.pill.license', license)} ${await t(locale, 'osb.pill.source')}`;
        const toggle = `button, ${await t(locale, 'osb.toggle')} : ${name}`;
        return { pill, toggle };
      }

      it('summary: the pill links to the source code, the details button names the software and says it is collapsed', async () => {
        const { wrapper } = await mountFixture(fixtures, 'compact', { lang: locale });
        reader = await startReader(wrapper);
        await reader.readUntil((p) => p.startsWith('button,'), 20);
        const { pill, toggle } = await summaryPhrases('EUPL-1.2', NAME[locale]!);
        expectPhrases(reader, [pill, `${toggle}, not expanded`]);
        expect(reader.announcements()).to.deep.equal([]);
        await expectLanguage(reader, locale, [PKG]);
        await matchTranscript(`${PKG}/summary`, locale, reader.transcript(locale));
      });

      it('details: Enter expands them, the facts read in order, Escape closes them and returns to the button', async () => {
        const { wrapper, el } = await mountFixture(fixtures, 'compact', { lang: locale });
        reader = await startReader(wrapper);
        await reader.readUntil((p) => p.startsWith('button,'), 20);
        await reader.activate();
        // The person reads on once the details are there (the first time, their chunk loads).
        await el.whenReady();
        const reuse = await t(locale, 'osb.reuse');
        await reader.readUntil((p) => p.startsWith(`link, ${reuse}`), 150);
        await reader.press('Escape');
        const { toggle } = await summaryPhrases('EUPL-1.2', NAME[locale]!);
        expectPhrases(reader, [
          `${toggle}, not expanded`,
          `${toggle}, expanded`,
          `heading, ${NAME[locale]}, level 2`,
          await t(locale, 'osb.fact.license'),
          'EUPL-1.2',
          'European Union Public License 1.2',
          await t(locale, 'osb.fact.status'),
          await t(locale, 'osb.status.stable'),
          await t(locale, 'osb.fact.maintenance'),
          await t(locale, 'osb.maintenance.contract'),
          await t(locale, 'osb.fact.version'),
          '2.4.1',
          `link, ${reuse} : ${NAME[locale]}`,
          `${toggle}, not expanded`,
        ]);
        expect(reader.announcements()).to.deep.equal([`polite: ${await t(locale, 'osb.loading')}`]);
        await expectLanguage(reader, locale, [PKG]);
        await matchTranscript(`${PKG}/details`, locale, reader.transcript(locale));
      });

      it('problems: a publiccode.yml with problems is announced once, and the report names each problem', async () => {
        // The reader is on the page before the badge loads its file, as a person would be.
        const wrapper = document.createElement('div');
        wrapper.lang = locale;
        wrapper.dataset['citopiaTest'] = '';
        document.body.append(wrapper);
        reader = await startReader(wrapper);
        const fixture = fixtures.fixtures.find((f) => f.name === 'invalid-bad-license')!;
        const el = await createFixtureElement(fixtures, fixture, originContext());
        wrapper.append(el);
        await el.whenReady();
        const note = `polite: ${await t(locale, 'osb.note.invalid')}`;
        await reader.waitForAnnouncement(note);
        // Longer than a render or two: a second announcement would be heard here.
        await new Promise((r) => setTimeout(r, 500));
        await reader.readUntil((p) => p.startsWith('end of region'), 200);
        const title = await t(locale, 'osb.problems.one', 1);
        expectPhrases(reader, [
          note,
          `button, ${await t(locale, 'osb.toggle')} : Formulaire de contact, expanded`,
          note.replace('polite: ', ''),
          `region, ${title}`,
          `heading, ${title}, level 3`,
          await t(locale, 'osb.problem.error'),
          'legal.license',
          /EUPL 1\.2.*SPDX/,
          `end of region, ${title}`,
        ]);
        expect(reader.announcements()).to.deep.equal([note]);
        expectNoDuplicateAnnouncements(reader);
        await expectLanguage(reader, locale, [PKG]);
        await matchTranscript(`${PKG}/problems`, locale, reader.transcript(locale));
      });
    });
  }
});

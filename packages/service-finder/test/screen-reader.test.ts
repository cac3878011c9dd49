// Screen-reader walks of <citopia-service-finder> (issue 13): one script per main task, in every
// locale, asserting what a person hears in order (built from the translations in xliff/), that
// nothing is announced twice or in the wrong language, and comparing the whole log with its
// reviewed transcript (test/transcripts/<task>.<locale>.txt; UPDATE_TRANSCRIPTS=1 rewrites).
import { expect } from '@open-wc/testing';
import { SUPPORTED_LOCALES } from '@citopia/core';
import { expectLanguage, expectNoDuplicateAnnouncements, expectPhrases, matchTranscript, mountFixture, startReader, translation, until, type Reader } from '@citopia/testing';
import '../src/index.js';
import type { ServiceFinder } from '../src/index.js';
import { fixtures } from '../src/fixtures.js';

const PKG = 'service-finder';
/** What a person types, in the page's language (the Arabic page has no Arabic data: English). */
const QUERY: Record<string, string> = { fr: 'permis de construire', de: 'Baugesuch', it: 'licenza edilizia', en: 'building permit', ar: 'building permit' };
/** The first result's name, as the catalogue writes it in that language. */
const FIRST: Record<string, string> = { fr: 'Permis de construire', de: 'Baugesuch', it: 'Licenza edilizia', en: 'Building permit', ar: 'Building permit' };
/** A word beyond the typo tolerance ("piscine" misspelt), the same in every locale. */
const NO_MATCH = 'pizine';

const t = (locale: string, id: string, ...values: Array<string | number>) => translation(PKG, locale, id, ...values);
const visibleCount = (el: ServiceFinder) => el.shadowRoot!.querySelector('#count')!.textContent!.trim();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('<citopia-service-finder> screen-reader walks', function () {
  this.timeout(40_000);
  let reader: Reader | undefined;
  afterEach(async () => {
    await reader?.stop();
    reader = undefined;
    document.querySelectorAll('[data-citopia-test]').forEach((n) => n.remove());
  });

  /** The finder announces the count once typing pauses this long (ANNOUNCE_DELAY). */
  const ANNOUNCE_DELAY = 700;
  let typingPaused = false;
  let typingPhrases: [number, number] = [0, 0];

  /**
   * Lands on the search landmark, moves to the field and types the query (real keys). On a
   * loaded machine, keys may arrive more than the announce delay apart: the count is then rightly
   * announced for the words typed so far too. That is recorded, so the walk can leave those
   * early counts out of the comparison (the transcript is the walk of someone typing on).
   */
  async function search(wrapper: HTMLElement, el: ServiceFinder, text: string) {
    reader = await startReader(wrapper);
    // The walk starts on the first item, the easy-to-read toggle above the search form.
    await reader.nextLandmark();
    await reader.nextFormField();
    const times: number[] = [];
    const onInput = () => times.push(performance.now());
    el.addEventListener('input', onInput);
    const from = reader.phrases().length;
    await reader.type(text);
    el.removeEventListener('input', onInput);
    typingPaused = times.some((time, i) => i > 0 && time - times[i - 1]! >= ANNOUNCE_DELAY * 0.9);
    await reader.waitForAnnouncement(/./);
    if (typingPaused) {
      // The count for the whole query comes one announce delay after the last key.
      const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
      const lastKey = times.at(-1)!;
      const status = el.shadowRoot!.querySelector('[role="status"]')!;
      await new Promise((r) => setTimeout(r, Math.max(0, lastKey + ANNOUNCE_DELAY + 300 - performance.now())));
      await until(() => status.textContent!.trim(), 6000, 'the count for the whole query');
      await reader.waitForAnnouncement((p) => squash(p) === squash(`polite: ${status.textContent}`), 6000);
      console.log(`notice: keys arrived more than ${ANNOUNCE_DELAY * 0.9} ms apart (loaded machine): early counts are left out of the comparison`);
    }
    typingPhrases = [from, reader.phrases().length];
    return reader;
  }

  /** The transcript to compare: with only the last count announced while typing, if typing paused. */
  function heard(r: Reader, locale: string): string[] {
    const lines = r.transcript(locale);
    if (!typingPaused) return lines;
    const [from, to] = typingPhrases;
    const live = lines.map((line, i) => (i >= from && i < to && line.startsWith('polite: ') ? i : -1)).filter((i) => i >= 0);
    return lines.filter((_, i) => !live.slice(0, -1).includes(i));
  }

  for (const locale of SUPPORTED_LOCALES) {
    describe(`[${locale}]`, () => {
      it('search: the search landmark, the field with its hint, the count announced once typing pauses', async () => {
        const { wrapper, el } = await mountFixture(fixtures, 'ville-de-demo', { lang: locale });
        const r = await search(wrapper, el, QUERY[locale]!);
        // Longer than the pause the count waits for: a second announcement would be heard here.
        await pause(1000);
        const label = await t(locale, 'finder.search.label');
        expectPhrases(r, [`search, ${label}`, `searchbox, ${label}, ${await t(locale, 'finder.search.hint')}`, `polite: ${visibleCount(el)}`]);
        if (!typingPaused) expect(r.announcements(), 'one announcement for the whole query, not one per key').to.have.length(1);
        if (!typingPaused) expectNoDuplicateAnnouncements(r);
        await expectLanguage(r, locale, [PKG]);
        await matchTranscript(`${PKG}/search`, locale, heard(r, locale));
      });

      it('results: the count, then each result as a heading with its link, summary and ways to reach it', async () => {
        const { wrapper, el } = await mountFixture(fixtures, 'ville-de-demo', { lang: locale });
        const r = await search(wrapper, el, QUERY[locale]!);
        await r.readUntil((p) => p.startsWith('heading,'), 80);
        await r.readUntil((p) => p.startsWith('heading,'), 80);
        const count = visibleCount(el);
        expectPhrases(r, [`polite: ${count}`, count, `heading, ${FIRST[locale]}, level 3`, `link, ${FIRST[locale]}`, `list, ${await t(locale, 'finder.channels')}`, await t(locale, 'finder.channel.phone'), /^heading, .+, level 3$/]);
        if (!typingPaused) expectNoDuplicateAnnouncements(r);
        await expectLanguage(r, locale, [PKG]);
        await matchTranscript(`${PKG}/results`, locale, heard(r, locale));
      });

      it('open a result: its heading and link, activated with Enter, select the service', async () => {
        const { wrapper, el } = await mountFixture(fixtures, 'results', { lang: locale });
        const selected: string[] = [];
        el.addEventListener('citopia-service-select', (e) => {
          e.preventDefault(); // the city's page routes; the test page stays
          selected.push(e.detail.service.id);
        });
        reader = await startReader(wrapper);
        await reader.nextHeading();
        await reader.next();
        await reader.activate();
        expectPhrases(reader, [`heading, ${FIRST[locale]}, level 3`, `link, ${FIRST[locale]}`]);
        expect(selected).to.deep.equal(['permis-construire']);
        await expectLanguage(reader, locale, [PKG]);
        await matchTranscript(`${PKG}/open-result`, locale, reader.transcript(locale));
      });

      it('no result: the announcement, the heading, did-you-mean, and the way to ask the city for help', async () => {
        const { wrapper, el } = await mountFixture(fixtures, 'ville-de-demo', { lang: locale });
        const asked: string[] = [];
        el.addEventListener('citopia-service-not-found', (e) => {
          e.preventDefault();
          asked.push(e.detail.query);
        });
        const r = await search(wrapper, el, NO_MATCH);
        await r.nextHeading();
        await r.readUntil((p) => p.startsWith('link,'), 40);
        await r.activate();
        const suggest = await t(locale, 'finder.none.suggest');
        expectPhrases(r, [
          `polite: ${await t(locale, 'finder.count.none')}`,
          `heading, ${await t(locale, 'finder.none.title', NO_MATCH)}, level 3`,
          suggest,
          `list, ${suggest}`,
          'button, piscine',
          await t(locale, 'finder.assistance.intro'),
          `link, ${await t(locale, 'finder.assistance')}`,
        ]);
        expect(asked).to.deep.equal([NO_MATCH]);
        if (!typingPaused) expectNoDuplicateAnnouncements(r);
        await expectLanguage(r, locale, [PKG]);
        await matchTranscript(`${PKG}/no-result`, locale, heard(r, locale));
      });
    });
  }
});

/**
 * Screen-reader walks of the privacy notice's main tasks, in every locale: what a person using a
 * screen reader hears, in order, compared with the reviewed transcripts in ./transcripts/
 * (`<task>.<locale>.txt`). The virtual screen reader reads the flat tree (shadow roots included);
 * keys are real key presses. Run with UPDATE_TRANSCRIPTS=1 to rewrite the transcripts, then read
 * them before committing.
 */
import { expect } from '@open-wc/testing';
import { expectLanguage, expectNoDuplicateAnnouncements, expectPhrases, matchTranscript, startReader, type Reader } from '@citopia/testing';
import { mountNotice, storeChoice, stored, until } from './helpers.js';
import { keepLanguages, mirrorCheckedState } from './walk-helpers.js';

const LOCALES = ['fr', 'de', 'it', 'en', 'ar'] as const;
type Locale = (typeof LOCALES)[number];

/** The interface strings a person must hear, as the translators wrote them (xliff/<locale>.xlf). */
const UI: Record<Locale, Record<string, string>> = {
  en: {
    accept: 'Accept all', refuse: 'Refuse all', choose: 'Choose', settings: 'Privacy settings', close: 'Close', save: 'Save my choices',
    allow: 'Allow: ', categories: 'Data we use:', saved: 'Your choices are saved.',
    withdrawn: 'Your choices are saved. What you switched off will not load again; a reload of the page may be needed to stop what has already started.',
    full: 'Read the full privacy notice', controller: 'Who is responsible', purposes: 'Why we use your data', rights: 'Your rights', alwaysOn: 'Always active: it does not need your consent.',
  },
  fr: {
    accept: 'Tout accepter', refuse: 'Tout refuser', choose: 'Choisir', settings: 'Paramètres de confidentialité', close: 'Fermer', save: 'Enregistrer mes choix',
    allow: 'Autoriser : ', categories: 'Données utilisées :', saved: 'Vos choix sont enregistrés.',
    withdrawn: 'Vos choix sont enregistrés. Ce que vous avez désactivé ne sera plus chargé ; il peut être nécessaire de recharger la page pour arrêter ce qui a déjà démarré.',
    full: 'Lire la déclaration complète de protection des données', controller: 'Qui est responsable', purposes: 'Pourquoi nous utilisons vos données', rights: 'Vos droits', alwaysOn: 'Toujours actif : ne requiert pas votre consentement.',
  },
  de: {
    accept: 'Alle akzeptieren', refuse: 'Alle ablehnen', choose: 'Auswählen', settings: 'Datenschutzeinstellungen', close: 'Schliessen', save: 'Meine Auswahl speichern',
    allow: 'Erlauben: ', categories: 'Verwendete Daten:', saved: 'Ihre Auswahl ist gespeichert.',
    withdrawn: 'Ihre Auswahl ist gespeichert. Was Sie ausgeschaltet haben, wird nicht mehr geladen; um bereits Gestartetes zu stoppen, müssen Sie die Seite eventuell neu laden.',
    full: 'Vollständige Datenschutzerklärung lesen', controller: 'Wer verantwortlich ist', purposes: 'Wozu wir Ihre Daten verwenden', rights: 'Ihre Rechte', alwaysOn: 'Immer aktiv: erfordert keine Einwilligung.',
  },
  it: {
    accept: 'Accetta tutto', refuse: 'Rifiuta tutto', choose: 'Scegli', settings: 'Impostazioni sulla privacy', close: 'Chiudi', save: 'Salva le mie scelte',
    allow: 'Autorizza: ', categories: 'Dati utilizzati:', saved: 'Le sue scelte sono registrate.',
    withdrawn: 'Le sue scelte sono registrate. Ciò che ha disattivato non verrà più caricato; per fermare ciò che è già avviato può essere necessario ricaricare la pagina.',
    full: "Leggi l'informativa completa sulla protezione dei dati", controller: 'Chi è responsabile', purposes: 'Perché utilizziamo i suoi dati', rights: 'I suoi diritti', alwaysOn: 'Sempre attivo: non richiede il suo consenso.',
  },
  ar: {
    accept: 'قبول الكل', refuse: 'رفض الكل', choose: 'اختيار', settings: 'إعدادات الخصوصية', close: 'إغلاق', save: 'حفظ اختياراتي',
    allow: 'السماح: ', categories: 'البيانات المستخدمة:', saved: 'تم حفظ اختياراتك.',
    withdrawn: 'تم حفظ اختياراتك. لن يُحمَّل ما أوقفته مرة أخرى؛ وقد يلزم إعادة تحميل الصفحة لإيقاف ما بدأ تشغيله بالفعل.',
    full: 'اقرأ إشعار حماية البيانات كاملاً', controller: 'الجهة المسؤولة', purposes: 'لماذا نستخدم بياناتك', rights: 'حقوقك', alwaysOn: 'نشط دائماً: لا يتطلب موافقتك.',
  },
};

/** The configuration's own texts (fr, de, it, en; an Arabic page gets the English ones). */
const DATA: Record<'fr' | 'de' | 'it' | 'en', Record<string, string>> = {
  en: { title: 'Your data on this site', stats: 'Visit statistics', statsDesc: 'Count visits and pages viewed to improve the site.', maps: 'Interactive maps', transparency: 'Transparency about your data', services: 'Online services' },
  fr: { title: 'Vos données sur ce site', stats: "Mesure d'audience", statsDesc: 'Compter les visites et les pages consultées pour améliorer le site.', maps: 'Cartes interactives', transparency: 'Transparence sur vos données', services: 'Prestations en ligne' },
  de: { title: 'Ihre Daten auf dieser Website', stats: 'Nutzungsstatistik', statsDesc: 'Besuche und aufgerufene Seiten zählen, um die Website zu verbessern.', maps: 'Interaktive Karten', transparency: 'Transparenz über Ihre Daten', services: 'Online-Dienste' },
  it: { title: 'I suoi dati su questo sito', stats: 'Statistiche di utilizzo', statsDesc: 'Contare le visite e le pagine consultate per migliorare il sito.', maps: 'Carte interattive', transparency: 'Trasparenza sui suoi dati', services: 'Servizi online' },
};
const data = (locale: Locale) => DATA[locale === 'ar' ? 'en' : locale];
/** The notice's title: the configuration's where it has the page's language, else the component's own. */
const TITLE: Record<Locale, string> = { en: DATA.en.title, fr: DATA.fr.title, de: DATA.de.title, it: DATA.it.title, ar: 'بياناتك على هذا الموقع' };
const TRANSPARENCY: Record<Locale, string> = { en: DATA.en.transparency, fr: DATA.fr.transparency, de: DATA.de.transparency, it: DATA.it.transparency, ar: 'بياناتك على هذا الموقع' };

let transcript: (() => string[]) | undefined;

/** Walks `task` in `locale`, then checks order, duplicates, language and the transcript. */
async function walk(task: string, locale: Locale, reader: Reader, expected: ReadonlyArray<string | RegExp>): Promise<void> {
  expectPhrases(reader, expected);
  expectNoDuplicateAnnouncements(reader);
  await expectLanguage(reader, locale, ['privacy-notice']);
  await matchTranscript(`privacy-notice/${task}`, locale, transcript!());
}

/** Real Tab presses until the reader says `phrase` (focus mode: the cursor follows the focus). */
async function tabTo(reader: Reader, phrase: string | RegExp, max = 30): Promise<void> {
  const test = typeof phrase === 'string' ? (p: string) => p === phrase : (p: string) => phrase.test(p);
  for (let i = 0; i < max; i++) {
    await reader.press('Tab');
    if (test(reader.phrases().at(-1) ?? '')) return;
  }
  throw new Error(`Tab never reached ${String(phrase)}; heard:\n${reader.phrases().slice(-15).join('\n')}`);
}

describe('<citopia-privacy-notice> heard through a screen reader', function () {
  this.timeout(60_000);
  let reader: Reader | undefined;
  let unfollow: (() => void) | undefined;
  /** The reader over the test page's wrapper, following the notice's shadow root; the log starts at the notice. */
  async function read(wrapper: HTMLElement): Promise<Reader> {
    reader = await startReader(wrapper);
    transcript = keepLanguages(reader, wrapper.lang);
    unfollow = mirrorCheckedState(wrapper.querySelector('citopia-privacy-notice')!.shadowRoot!);
    await reader.clear(); // the transcript starts with the notice, not with the test page's own button
    return reader;
  }
  afterEach(async () => {
    unfollow?.();
    await reader?.stop();
    reader = undefined;
    document.querySelectorAll('[data-citopia-test]').forEach((n) => n.remove());
  });

  for (const locale of LOCALES) {
    const t = UI[locale];
    describe(`[${locale}]`, () => {
      it('the layered notice: a region named by its heading, the summary, three equal choices; refusing is one press', async () => {
        const { wrapper, key } = await mountNotice({ lang: locale });
        reader = await read(wrapper);
        await reader.nextLandmark();
        await reader.readUntil(`button, ${t.choose}, has popup dialog`);
        await reader.previous(); // back to "Refuse all": as near as "Accept all"
        await reader.activate();
        await reader.waitForAnnouncement(`polite: ${t.saved}`);
        await until(() => reader!.phrases().includes(`button, ${t.settings}, has popup dialog`), 4000, 'the focus on "Privacy settings"');
        await walk('layered-notice', locale, reader, [
          `region, ${TITLE[locale]}`,
          `heading, ${TITLE[locale]}, level 2`,
          `list, ${t.categories}`,
          `button, ${t.accept}`,
          `button, ${t.refuse}`,
          `button, ${t.choose}, has popup dialog`,
          `button, ${t.refuse}`,
          `polite: ${t.saved}`,
          `button, ${t.settings}, has popup dialog`,
        ]);
        expect(stored(key).choices).to.deep.equal({ statistics: false, maps: false });
      });

      it('the dialog: named by its heading, the page behind out of reach, a switch per purpose, saved and announced', async () => {
        const { wrapper, key } = await mountNotice({ lang: locale });
        reader = await read(wrapper);
        await reader.readUntil(`button, ${t.choose}, has popup dialog`);
        await reader.activate();
        const d = data(locale);
        const statsSwitch = new RegExp(`^switch, ${escape(t.allow + d.stats)}, ${escape(d.statsDesc)}, (not )?checked$`);
        await tabTo(reader, statsSwitch);
        await reader.activate(); // Space: the new state is said
        // Tab through every control of the dialog to "Save my choices": the page behind ("Before",
        // "After") never comes. (Tab past the last control goes round, or to the browser's own
        // toolbar depending on the window: the keyboard test of the dialog covers that, 45 presses.)
        await tabTo(reader, `button, ${t.save}`);
        const inDialog = reader.phrases().slice(reader.phrases().indexOf(`dialog, ${t.settings}`));
        expect(inDialog.filter((p) => /^button, (Before|After)$/.test(p)), 'the page behind, reached from the dialog').to.deep.equal([]);
        await reader.activate();
        await reader.waitForAnnouncement(`polite: ${t.saved}`);
        await walk('dialog', locale, reader, [
          `button, ${t.choose}, has popup dialog`,
          `dialog, ${t.settings}`,
          `heading, ${t.settings}, level 2`,
          `button, ${t.close}`,
          `switch, ${t.allow}${d.stats}, ${d.statsDesc}, not checked`,
          `switch, ${t.allow}${d.stats}, ${d.statsDesc}, checked`,
          new RegExp(`^switch, ${escape(t.allow + d.maps)}, .*, not checked$`),
          `button, ${t.accept}`,
          `button, ${t.refuse}`,
          `button, ${t.save}`,
          `polite: ${t.saved}`,
        ]);
        expect(stored(key).choices).to.deep.equal({ statistics: true, maps: false });
      });

      it('withdrawing later: "Privacy settings", the switch found on, turned off, the withdrawal announced', async () => {
        const { wrapper, key } = await mountNotice({ lang: locale, prepare: (_el, k) => storeChoice(k, '2025-03', 10, { statistics: true, maps: false }) });
        reader = await read(wrapper);
        await reader.readUntil(`button, ${t.settings}, has popup dialog`);
        await reader.activate();
        const d = data(locale);
        await tabTo(reader, new RegExp(`^switch, ${escape(t.allow + d.stats)},`));
        await reader.activate(); // Space: the new state is said
        await tabTo(reader, `button, ${t.save}`);
        await reader.activate();
        await reader.waitForAnnouncement(`polite: ${t.withdrawn}`);
        await until(() => lastSaid(reader!) === `button, ${t.settings}, has popup dialog`, 4000, 'the focus back on "Privacy settings"');
        await walk('withdraw', locale, reader, [
          `button, ${t.settings}, has popup dialog`,
          `dialog, ${t.settings}`,
          `heading, ${t.settings}, level 2`,
          `switch, ${t.allow}${d.stats}, ${d.statsDesc}, checked`,
          `switch, ${t.allow}${d.stats}, ${d.statsDesc}, not checked`,
          `button, ${t.save}`,
          // The dialog closes, the focus goes back to its opener, then the polite announcement.
          `button, ${t.settings}, has popup dialog`,
          `polite: ${t.withdrawn}`,
        ]);
        expect(stored(key).choices).to.deep.equal({ statistics: false, maps: false });
      });

      it('the transparency notice: summary, then the full notice behind a disclosure, under real headings', async () => {
        const { wrapper } = await mountNotice({ lang: locale, src: '/packages/privacy-notice/fixtures/config-transparency.json' });
        reader = await read(wrapper);
        await reader.nextLandmark();
        await reader.readUntil(t.full);
        await reader.activate(); // the virtual screen reader says no state for <summary>: the headings that follow show it opened
        await reader.nextHeading();
        await reader.nextHeading();
        await reader.nextHeading();
        await reader.readUntil(t.alwaysOn);
        await walk('transparency', locale, reader, [
          `region, ${TRANSPARENCY[locale]}`,
          `heading, ${TRANSPARENCY[locale]}, level 2`,
          'group',
          t.full,
          `heading, ${t.controller}, level 3`,
          `heading, ${t.purposes}, level 3`,
          `heading, ${data(locale).services}, level 4`,
          t.alwaysOn,
        ]);
      });
    });
  }
});

/** What the reader said last, live announcements aside (where the cursor is). */
const lastSaid = (reader: Reader) => reader.spoken().filter((s) => !s.live).at(-1)?.phrase;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

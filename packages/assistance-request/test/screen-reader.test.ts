/**
 * Screen-reader walks of the assistance request's main tasks, in every locale, against the real
 * Open311 server the other tests use: what a person using a screen reader hears, in order,
 * compared with the reviewed transcripts in ./transcripts/ (`<task>.<locale>.txt`). Keys are real
 * key presses. UPDATE_TRANSCRIPTS=1 rewrites the transcripts; read them before committing.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { closestLang, expectLanguage, expectNoDuplicateAnnouncements, expectPhrases, matchTranscript, startReader, until, type Reader } from '@citopia/testing';
import { keepLanguages, mirrorCheckedState } from '../../privacy-notice/test/walk-helpers.js';
import { completeAnswers, writeDraft } from '../src/fixtures.js';
import { $, cleanUp, mount, setFaults, sleep, startServer, storedRequests } from './helpers.js';

const LOCALES = ['fr', 'de', 'it', 'en', 'ar'] as const;
type Locale = (typeof LOCALES)[number];

/** The interface strings a person must hear, as the translators wrote them (xliff/<locale>.xlf). */
const UI: Record<Locale, Record<string, string>> = {
  en: {
    form: 'Your request', what: 'What is it about?', optional: ' (optional)', description: 'Description', address: 'Address or description of the place', continue: 'Continue',
    problem: 'There is a problem', errDescription: 'Describe the problem or what you need', errWhere: 'Enter an address or a description of the place, or use your location', errAnswer: 'Choose how we should answer you', answerLegend: 'How should we answer you?', errChoose: 'Choose an answer to “{}”', errorPrefix: 'Error:',
    check: 'Check your answers before sending', change: 'Change', send: 'Send the request', subject: 'Subject',
    sending: 'Sending your request…', queued: 'Not sent yet. Your request is kept and will be sent automatically.', queuedTitle: 'Your request is not sent yet',
    sent: 'Your request has been sent', reference: 'Your reference number:', status: 'Check the status', statusLabel: 'Status', open: 'Open', closed: 'Closed', choose: 'Choose…',
  },
  fr: {
    form: 'Votre demande', what: 'De quoi s’agit-il ?', optional: ' (facultatif)', description: 'Description', address: 'Adresse ou description du lieu', continue: 'Continuer',
    problem: 'Il y a un problème', errDescription: 'Décrivez le problème ou ce dont vous avez besoin', errWhere: 'Indiquez une adresse ou décrivez le lieu, ou utilisez votre position', errAnswer: 'Choisissez comment nous devons vous répondre', answerLegend: 'Comment devons-nous vous répondre ?', errChoose: 'Choisissez une réponse à « {} »', errorPrefix: 'Erreur :',
    check: 'Vérifiez vos réponses avant l’envoi', change: 'Modifier', send: 'Envoyer la demande', subject: 'Objet',
    sending: 'Envoi de votre demande…', queued: 'Pas encore envoyée. Votre demande est conservée et sera envoyée automatiquement.', queuedTitle: 'Votre demande n’est pas encore envoyée',
    sent: 'Votre demande a été envoyée', reference: 'Votre numéro de référence :', status: 'Voir l’état de la demande', statusLabel: 'État', open: 'En cours', closed: 'Terminée', choose: 'Choisir…',
  },
  de: {
    form: 'Ihre Anfrage', what: 'Worum geht es?', optional: ' (freiwillig)', description: 'Beschreibung', address: 'Adresse oder Beschreibung des Orts', continue: 'Weiter',
    problem: 'Es gibt ein Problem', errDescription: 'Beschreiben Sie das Problem oder was Sie brauchen', errWhere: 'Geben Sie eine Adresse an, beschreiben Sie den Ort oder verwenden Sie Ihren Standort', errAnswer: 'Wählen Sie aus, wie wir Ihnen antworten sollen', answerLegend: 'Wie sollen wir Ihnen antworten?', errChoose: 'Wählen Sie eine Antwort auf «{}»', errorPrefix: 'Fehler:',
    check: 'Prüfen Sie Ihre Antworten vor dem Senden', change: 'Ändern', send: 'Anfrage senden', subject: 'Thema',
    sending: 'Ihre Anfrage wird gesendet…', queued: 'Noch nicht gesendet. Ihre Anfrage bleibt gespeichert und wird automatisch gesendet.', queuedTitle: 'Ihre Anfrage ist noch nicht gesendet',
    sent: 'Ihre Anfrage wurde gesendet', reference: 'Ihre Referenznummer:', status: 'Stand der Anfrage anzeigen', statusLabel: 'Stand', open: 'In Bearbeitung', closed: 'Abgeschlossen', choose: 'Auswählen…',
  },
  it: {
    form: 'La vostra richiesta', what: 'Di che cosa si tratta?', optional: ' (facoltativo)', description: 'Descrizione', address: 'Indirizzo o descrizione del luogo', continue: 'Continua',
    problem: 'C’è un problema', errDescription: 'Descrivete il problema o ciò di cui avete bisogno', errWhere: 'Indicate un indirizzo o descrivete il luogo, oppure usate la vostra posizione', errAnswer: 'Scegliete come dobbiamo rispondervi', answerLegend: 'Come dobbiamo rispondervi?', errChoose: 'Scegliete una risposta a «{}»', errorPrefix: 'Errore:',
    check: 'Controllate le risposte prima dell’invio', change: 'Modifica', send: 'Inviare la richiesta', subject: 'Oggetto',
    sending: 'Invio della richiesta…', queued: 'Non ancora inviata. La richiesta è conservata e sarà inviata automaticamente.', queuedTitle: 'La richiesta non è ancora stata inviata',
    sent: 'La vostra richiesta è stata inviata', reference: 'Il vostro numero di riferimento:', status: 'Vedere lo stato della richiesta', statusLabel: 'Stato', open: 'In corso', closed: 'Conclusa', choose: 'Scegliere…',
  },
  ar: {
    form: 'طلبك', what: 'ما موضوع الطلب؟', optional: ' (اختياري)', description: 'الوصف', address: 'العنوان أو وصف المكان', continue: 'متابعة',
    problem: 'توجد مشكلة', errDescription: 'صِف المشكلة أو ما تحتاج إليه', errWhere: 'أدخل عنوانًا أو صِف المكان، أو استخدم موقعك', errAnswer: 'اختر الطريقة التي نرد بها عليك', answerLegend: 'كيف نرد عليك؟', errChoose: 'اختر إجابة عن «{}»', errorPrefix: 'خطأ:',
    check: 'راجع إجاباتك قبل الإرسال', change: 'تغيير', send: 'إرسال الطلب', subject: 'الموضوع',
    sending: 'جارٍ إرسال طلبك…', queued: 'لم يُرسَل بعد. طلبك محفوظ وسيُرسَل تلقائيًا.', queuedTitle: 'لم يُرسَل طلبك بعد',
    sent: 'أُرسل طلبك', reference: 'رقمك المرجعي:', status: 'الاطلاع على حالة الطلب', statusLabel: 'الحالة', open: 'قيد المعالجة', closed: 'مُغلق', choose: 'اختر…',
  },
};

/** The city's texts, from the Open311 server's own configuration, in the language it answers with. */
interface CityTexts {
  lang: string;
  service: (code: string) => string;
  question: (code: string) => string;
  value: (code: string, key: string | number) => string;
  statusNotes: string;
}
type LanguageMap = Record<string, string>;
interface Config {
  services: Array<{ service_code: string | number; service_name: LanguageMap; attributes?: Array<{ code: string; description: LanguageMap; values?: Array<{ key: string | number; name: LanguageMap }> }> }>;
  statusNotes: LanguageMap;
}
let config: Config | undefined;
async function cityTexts(lang: string): Promise<CityTexts> {
  config ??= JSON.parse((await executeServerCommand('citopia-read-text', { path: 'packages/open311-server/config/ville-de-demo.json' })) as string) as Config;
  const c = config;
  const service = (code: string) => c.services.find((s) => String(s.service_code) === code)!;
  const attribute = (code: string) => c.services.flatMap((s) => s.attributes ?? []).find((a) => a.code === code)!;
  return {
    lang,
    service: (code) => service(code).service_name[lang]!,
    question: (code) => attribute(code).description[lang]!,
    value: (code, key) => attribute(code).values!.find((v) => String(v.key) === String(key))!.name[lang]!,
    statusNotes: c.statusNotes[lang]!,
  };
}
/**
 * The language the server answers a page in `locale` with: the page's when it has it (fr, de, en),
 * otherwise the browser's Accept-Language (English here); the component marks those texts.
 */
const serverLanguage = (locale: Locale) => (['fr', 'de', 'en'].includes(locale) ? locale : 'en');

const DATE_QUESTION = 'VU-LE';

/**
 * A transcript line of a form control, also marked with the language of its label when all of the
 * label is in another language than the page's (the harness looks only at an element's own text,
 * and a control's name comes from its label).
 */
const markByLabel = (locale: Locale) => (node: Node | null, line: string): string => {
  if (line.startsWith('[lang=') || !(node instanceof HTMLInputElement || node instanceof HTMLSelectElement || node instanceof HTMLTextAreaElement)) return line;
  const texts = [...(node.labels ?? [])].flatMap((label) => textNodes(label));
  const langs = new Set(texts.map((t) => closestLang(t).split('-')[0]));
  const [lang] = [...langs];
  return langs.size === 1 && lang !== locale ? `[lang=${lang}] ${line}` : line;
};
let transcript: (() => string[]) | undefined;
const textNodes = (node: Node): Node[] => (node.nodeType === Node.TEXT_NODE ? (node.textContent?.trim() ? [node] : []) : [...node.childNodes].flatMap(textNodes));

/**
 * The dates of a status (sent on, last update, expected by) are the server's clock: in the
 * transcript they read "[date]"; an announcement of nothing but a date that changed is left out.
 */
function withoutClock(lines: string[], dates: ReadonlySet<string>): string[] {
  const sorted = [...dates].sort((a, b) => b.length - a.length);
  return lines.map((line) => sorted.reduce((l, d) => l.split(d).join('[date]'), line)).filter((line) => line !== 'polite: [date]');
}
const datesShown = (el: HTMLElement, into: Set<string>) => {
  for (const dd of el.shadowRoot!.querySelectorAll('.check dd')) if (/\d{4}/.test(dd.textContent ?? '')) into.add((dd.textContent ?? '').replace(/\s+/g, ' ').trim());
};

/** Checks order, duplicates, language and the transcript of the walk `task`. */
async function walk(task: string, locale: Locale, reader: Reader, _city: CityTexts, expected: ReadonlyArray<string | RegExp>, dates: ReadonlySet<string> = new Set()): Promise<void> {
  expectPhrases(reader, expected);
  expectNoDuplicateAnnouncements(reader);
  await expectLanguage(reader, locale, ['assistance-request']);
  await matchTranscript(`assistance-request/${task}`, locale, withoutClock(transcript!(), dates));
}

/** The screen reader's "next form field" until it says `phrase`. */
async function fieldUntil(reader: Reader, phrase: string | RegExp, max = 60): Promise<void> {
  const test = typeof phrase === 'string' ? (p: string) => p === phrase : (p: string) => phrase.test(p);
  for (let i = 0; i < max; i++) {
    await reader.nextFormField();
    if (test(reader.phrases().at(-1) ?? '')) return;
  }
  throw new Error(`no form field ${String(phrase)}; heard:\n${reader.phrases().slice(-15).join('\n')}`);
}

/** Focuses `node` as the person going back to it would, so that the reader follows (even if it had the focus already). */
function refocus(node: HTMLElement): void {
  node.blur();
  node.focus();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const lastSaid = (reader: Reader) => reader.spoken().filter((s) => !s.live).at(-1)?.phrase ?? '';
/** Waits until the reader's cursor says what `test` wants (the focus moved there); fails with what was heard. */
async function said(reader: Reader, test: (phrase: string) => boolean, what: string, timeout = 4000): Promise<void> {
  try {
    await until(() => test(lastSaid(reader)), timeout, what);
  } catch (error) {
    throw new Error(`${(error as Error).message}; heard:\n${reader.phrases().slice(-12).join('\n')}`);
  }
}

describe('<citopia-assistance-request> heard through a screen reader', function () {
  this.timeout(90_000);
  let reader: Reader | undefined;
  let unfollow: (() => void) | undefined;
  let server: { url: string };
  // A server of its own for each walk: the component keeps an in-memory copy of what it stores, per endpoint.
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    unfollow?.();
    await reader?.stop();
    reader = undefined;
    cleanUp();
    await setFaults(server.url, {});
  });

  /** Mounts the form on the real server and starts the reader over it (the log starts empty). */
  async function open(locale: Locale, attributes: Record<string, string> = {}) {
    const el = await mount({ endpoint: server.url, ...attributes }, locale);
    const wrapper = el.parentElement!;
    reader = await startReader(wrapper);
    transcript = keepLanguages(reader, locale, markByLabel(locale));
    unfollow = mirrorCheckedState(el.shadowRoot!);
    await reader.clear();
    return { el, reader };
  }

  for (const locale of LOCALES) {
    const t = UI[locale];
    describe(`[${locale}]`, () => {
      it('the form: every datatype of the Open311 questions, each with its name, role, state and hint', async () => {
        const city = await cityTexts(serverLanguage(locale));
        const { el, reader } = await open(locale);
        await reader.nextHeading();
        await reader.nextHeading();
        await fieldUntil(reader, new RegExp(`^radio, ${escape(city.service('DECHETS-SAUV'))},`));
        await reader.activate(); // Space: the questions of the service arrive
        await until(() => $(el, '#a0'), 8000, 'the questions');
        // Checkboxes (multivaluelist), a number, a date and time, a long text.
        await reader.readUntil(new RegExp(`^textbox, ${escape(t.description)},`));
        // Radios (singlevaluelist), an information, a number: service 101, chosen with the arrow keys.
        refocus($(el, 'input[name=service][value="DECHETS-SAUV"]')!); // back to the subject (Shift+Tab)
        await reader.press('ArrowUp');
        await reader.press('ArrowUp');
        await until(() => $(el, 'input[name="attr:SURFACE"]'), 8000, 'the questions of 101');
        await reader.readUntil(new RegExp(`^textbox, ${escape(t.description)},`));
        // A select (a long singlevaluelist) and a short text: service ECL.
        refocus($(el, 'input[name=service][value="101"]')!);
        await reader.press('ArrowDown');
        await until(() => $(el, 'select#a0'), 8000, 'the questions of ECL');
        await reader.readUntil(new RegExp(`^textbox, ${escape(t.description)},`));
        const q = (code: string) => escape(city.question(code));
        await walk('every-datatype', locale, reader, city, [
          `heading, ${t.form}, level 2`,
          `heading, ${t.what}, level 3`,
          new RegExp(`^radio, ${escape(city.service('DECHETS-SAUV'))}, .+, not checked, position 3, set size 6$`),
          new RegExp(`^group, ${q('TYPES')}`),
          new RegExp(`^checkbox, ${escape(city.value('TYPES', 'sacs'))}, not checked`),
          new RegExp(`^textbox, ${q('VOLUME')},.* required$`),
          new RegExp(q(DATE_QUESTION)),
          new RegExp(`^textbox, ${q('ACCES')}${escape(t.optional)}, `),
          new RegExp(`^textbox, ${escape(t.description)}, .+, required$`),
          new RegExp(`^radio, ${escape(city.service('101'))}, .+, checked, position 1, set size 6$`),
          new RegExp(q('INFO-117')),
          new RegExp(`^group, ${q('SURFACE')}`),
          new RegExp(`^radio, ${escape(city.value('SURFACE', 'chaussee'))}, not checked, position 1, set size 3`),
          new RegExp(`^group, ${q('DANGER')}`),
          new RegExp(`^textbox, ${q('TAILLE')}${escape(t.optional)}, `),
          new RegExp(`^radio, ${escape(city.service('ECL'))}, .+, checked, position 2, set size 6$`),
          new RegExp(`^combobox, ${q('PANNE')}, .*required$`),
          new RegExp(`^textbox, ${q('LAMPADAIRE')}${escape(t.optional)}, `),
        ]);
      });

      it('a wrong submit: the error summary, each link moving to its field, each error tied to its field', async () => {
        const city = await cityTexts(serverLanguage(locale));
        const { el, reader } = await open(locale, { 'service-code': '101' });
        await fieldUntil(reader, `button, ${t.continue}`);
        await reader.activate();
        await said(reader, (p) => p === `group, ${t.problem}`, 'the focus on the error summary');
        const links = [
          t.errChoose.replace('{}', city.question('SURFACE')),
          t.errChoose.replace('{}', city.question('DANGER')),
          t.errDescription,
          t.errWhere,
          t.errAnswer,
        ];
        // A radio has no invalid state (ARIA): its group carries the error, as its description.
        const group = (legend: string, error: string) => new RegExp(`^group, ${escape(legend)}, ${escape(t.errorPrefix)} ${escape(error)}$`);
        const fields: RegExp[] = [
          group(city.question('SURFACE'), links[0]!),
          group(city.question('DANGER'), links[1]!),
          new RegExp(`^textbox, ${escape(t.description)}, .+ ${escape(t.errorPrefix)} ${escape(t.errDescription)}, invalid, required$`),
          new RegExp(`^textbox, ${escape(t.address)}, .+ ${escape(t.errorPrefix)} ${escape(t.errWhere)}, invalid, required$`),
          group(t.answerLegend, t.errAnswer),
        ];
        for (const link of links) {
          $(el, '#summary')!.focus(); // back to the summary (as with "previous heading")
          await reader.readUntil(`link, ${link}`);
          await reader.activate();
          await said(reader, (p) => !p.startsWith('link, '), `the focus on the field of "${link}"`);
          // On a radio: back to the start of its group, as a screen reader says it when the focus enters.
          if (lastSaid(reader).startsWith('radio, ')) for (let i = 0; i < 16 && !lastSaid(reader).startsWith('group, '); i++) await reader.previous();
        }
        await walk('error-summary', locale, reader, city, [
          `button, ${t.continue}`,
          `group, ${t.problem}`,
          ...links.flatMap((link, i) => [`link, ${link}`, fields[i]!]),
        ]);
      });

      it('check your answers: every answer with its "Change" button, which goes back to the field', async () => {
        writeDraft(server.url, completeAnswers());
        const city = await cityTexts(serverLanguage(locale));
        const { reader } = await open(locale);
        await fieldUntil(reader, `button, ${t.continue}`);
        await reader.activate();
        await said(reader, (p) => p === `heading, ${t.check}, level 2`, 'the focus on "check your answers"');
        await reader.readUntil(`button, ${t.change} ${t.description}`);
        await reader.activate();
        await said(reader, (p) => p.startsWith(`textbox, ${t.description},`), 'the focus on the description');
        await walk('check-answers', locale, reader, city, [
          `button, ${t.continue}`,
          `heading, ${t.check}, level 2`,
          t.subject,
          city.service('DECHETS-SAUV'),
          `button, ${t.change} ${t.subject}`,
          city.question('TYPES'),
          `${city.value('TYPES', 'sacs')}, ${city.value('TYPES', 'electro')}`,
          `button, ${t.change} ${city.question('TYPES')}`,
          `button, ${t.change} ${t.description}`,
          new RegExp(`^textbox, ${escape(t.description)}, `),
        ]);
      });

      it('sending offline, then online: "sending", "not sent yet, kept", then "sent" with the reference, each said once', async () => {
        writeDraft(server.url, completeAnswers());
        const city = await cityTexts(serverLanguage(locale));
        const { el, reader } = await open(locale);
        await fieldUntil(reader, `button, ${t.continue}`);
        await reader.activate();
        await said(reader, (p) => p === `heading, ${t.check}, level 2`, 'the check step');
        await setFaults(server.url, { down: true }); // the server drops every connection: as offline
        await fieldUntil(reader, new RegExp(`^button, ${escape(t.send)}`));
        await reader.activate();
        await reader.waitForAnnouncement(`polite: ${t.queued}`, 8000);
        await sleep(2500); // an automatic retry fails meanwhile
        expect(await storedRequests(server.url)).to.have.length(0);
        await setFaults(server.url, {}); // back online: the next automatic retry sends it
        await until(() => $(el, '.ref'), 15_000, 'the confirmation');
        const [stored] = await storedRequests(server.url);
        const reference = `${t.reference} ${stored!.service_request_id}`;
        await reader.waitForAnnouncement(`polite: ${reference}`);
        await walk('send-offline-online', locale, reader, city, [
          new RegExp(`^button, ${escape(t.send)}`),
          `polite: ${t.sending}`,
          `polite: ${t.queued}`,
          `heading, ${t.queuedTitle}, level 2`,
          `polite: ${reference}`,
          `heading, ${t.sent}, level 2`,
        ]);
        expect(await storedRequests(server.url)).to.have.length(1);
      });

      it('the status lookup: "check the status", the status announced, read again after a change', async () => {
        writeDraft(server.url, completeAnswers());
        const city = await cityTexts(serverLanguage(locale));
        const { el, reader } = await open(locale);
        await fieldUntil(reader, `button, ${t.continue}`);
        await reader.activate();
        await said(reader, (p) => p === `heading, ${t.check}, level 2`, 'the check step');
        await fieldUntil(reader, new RegExp(`^button, ${escape(t.send)}`));
        await reader.activate();
        await until(() => $(el, '.ref'), 8000, 'the confirmation');
        const [stored] = await storedRequests(server.url);
        await reader.waitForAnnouncement(`polite: ${t.reference} ${stored!.service_request_id}`);
        await fieldUntil(reader, `button, ${t.status}`);
        await reader.activate();
        await reader.waitForAnnouncement(new RegExp(`${escape(t.statusLabel)}.*${escape(t.open)}.*${escape(city.statusNotes)}`), 8000);
        const dates = new Set<string>();
        datesShown(el, dates);
        await executeServerCommand('open311-status', { url: server.url, id: stored!.service_request_id, status: 'closed', status_notes: 'Removed on Tuesday.' });
        await reader.activate();
        // What changed is said: the new status and the new notes.
        await reader.waitForAnnouncement(`polite: ${t.closed}`, 8000);
        await reader.waitForAnnouncement('polite: Removed on Tuesday.', 8000);
        datesShown(el, dates);
        await walk('status', locale, reader, city, [
          `heading, ${t.sent}, level 2`,
          `button, ${t.status}`,
          new RegExp(`^polite: .*${escape(t.statusLabel)}.*${escape(t.open)}.*${escape(city.statusNotes)}`),
          `polite: ${t.closed}`,
          'polite: Removed on Tuesday.',
        ], dates);
      });
    });
  }
});

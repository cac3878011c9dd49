// The demo city's own script. Components are wired only through their public attributes,
// properties, methods and events:
// - the language switcher sets <html lang>, which every component follows on its own;
// - one page-level "easy to read" switch records the person's choice with setReadingPreference()
//   (remembered on the device), which every component follows; they hide their own switches;
// - a search with no result opens the assistance request with the query as its description;
// - the form's privacy link opens the privacy notice's details;
// - the assistance request posts to the local Open311 server that `npm start` runs.
import { readingPreference, setReadingPreference } from '/assets/citopia/cdn/citopia.js';

const texts = {
  fr: { easy: 'Facile à lire', skip: 'Aller au contenu', city: 'Ville de Démo', title: 'Services en ligne de la Ville de Démo', intro: "Trouvez un service, demandez de l'aide ou signalez un problème.", finder: 'Trouver un service', request: "Demander de l'aide ou signaler un problème", map: 'Plan de la ville', address: "Ville de Démo · Place de l'Hôtel-de-Ville 1 · 1000 Démo" },
  de: { easy: 'Leichte Sprache', skip: 'Zum Inhalt', city: 'Stadt Demo', title: 'Online-Dienste der Stadt Demo', intro: 'Finden Sie eine Dienstleistung, bitten Sie um Hilfe oder melden Sie ein Problem.', finder: 'Dienstleistung finden', request: 'Hilfe anfragen oder ein Problem melden', map: 'Stadtplan', address: 'Stadt Demo · Rathausplatz 1 · 1000 Demo' },
  it: { easy: 'Facile da leggere', skip: 'Vai al contenuto', city: 'Città di Demo', title: 'Servizi online della Città di Demo', intro: 'Trovate un servizio, chiedete aiuto o segnalate un problema.', finder: 'Trovare un servizio', request: 'Chiedere aiuto o segnalare un problema', map: 'Pianta della città', address: 'Città di Demo · Piazza del Municipio 1 · 1000 Demo' },
  en: { easy: 'Easy to read', skip: 'Skip to content', city: 'City of Demo', title: 'City of Demo online services', intro: 'Find a service, ask for help or report a problem.', finder: 'Find a service', request: 'Ask for help or report a problem', map: 'City map', address: 'City of Demo · Town Hall Square 1 · 1000 Demo' },
  ar: { easy: 'سهل القراءة', skip: 'انتقل إلى المحتوى', city: 'مدينة ديمو', title: 'الخدمات الإلكترونية لمدينة ديمو', intro: 'ابحث عن خدمة أو اطلب المساعدة أو أبلغ عن مشكلة.', finder: 'البحث عن خدمة', request: 'طلب المساعدة أو الإبلاغ عن مشكلة', map: 'خريطة المدينة', address: 'مدينة ديمو · ساحة البلدية 1 · 1000 ديمو' },
};

export function setLanguage(lang) {
  const html = document.documentElement;
  html.lang = lang;
  html.dir = lang === 'ar' ? 'rtl' : 'ltr';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = texts[lang][el.dataset.i18n];
  document.title = texts[lang].title;
  for (const button of document.querySelectorAll('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  try {
    localStorage.setItem('demo-lang', lang);
  } catch {
    /* the choice is simply not remembered */
  }
}

for (const button of document.querySelectorAll('[data-lang]')) button.addEventListener('click', () => setLanguage(button.dataset.lang));
let saved = null;
try {
  saved = localStorage.getItem('demo-lang');
} catch {
  /* no storage: French */
}
if (saved && texts[saved]) setLanguage(saved);

// The easy-to-read switch. The components announce every change (citopia-reading-change), from
// this switch or, on another page of the city, from a component's own: the button follows.
const readingToggle = document.getElementById('reading-toggle');
const showReading = (mode) => readingToggle.setAttribute('aria-pressed', String(mode === 'easy'));
showReading(readingPreference());
readingToggle.addEventListener('click', () => setReadingPreference(readingToggle.getAttribute('aria-pressed') === 'true' ? 'standard' : 'easy'));
window.addEventListener('citopia-reading-change', (event) => showReading(event.detail.reading));

const finder = document.querySelector('citopia-service-finder');
const request = document.querySelector('citopia-assistance-request');
const notice = document.querySelector('citopia-privacy-notice');

// Nobody is sent away empty-handed: "ask for help" after a search with no result opens the
// assistance request with the query as its description.
finder.addEventListener('citopia-service-not-found', (event) => {
  event.preventDefault();
  request.description = event.detail.query;
  const section = document.getElementById('request');
  section.scrollIntoView({ block: 'start' });
  section.focus();
});

// The form's privacy link opens the notice's details.
request.addEventListener('citopia-privacy-open', (event) => {
  event.preventDefault();
  notice.openSettings();
});

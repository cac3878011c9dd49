// The demo city's own script: a language switcher that sets <html lang> (and dir), which every
// Citopia component follows on its own. Components are wired only through public attributes and
// events (see the component sections as they land).
const texts = {
  fr: { title: 'Services en ligne de la Ville de Démo', intro: "Trouvez un service, demandez de l'aide ou signalez un problème.", finder: 'Trouver un service', request: "Demander de l'aide ou signaler un problème" },
  de: { title: 'Online-Dienste der Stadt Demo', intro: 'Finden Sie eine Dienstleistung, bitten Sie um Hilfe oder melden Sie ein Problem.', finder: 'Dienstleistung finden', request: 'Hilfe anfragen oder ein Problem melden' },
  it: { title: 'Servizi online della Città di Demo', intro: 'Trovate un servizio, chiedete aiuto o segnalate un problema.', finder: 'Trovare un servizio', request: 'Chiedere aiuto o segnalare un problema' },
  en: { title: 'City of Demo online services', intro: 'Find a service, ask for help or report a problem.', finder: 'Find a service', request: 'Ask for help or report a problem' },
  ar: { title: 'الخدمات الإلكترونية لمدينة ديمو', intro: 'ابحث عن خدمة أو اطلب المساعدة أو أبلغ عن مشكلة.', finder: 'البحث عن خدمة', request: 'طلب المساعدة أو الإبلاغ عن مشكلة' },
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
let saved;
try {
  saved = localStorage.getItem('demo-lang');
} catch {
  saved = null;
}
if (saved && texts[saved]) setLanguage(saved);

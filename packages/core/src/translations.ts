import { registerTranslations, type LocaleLoaders } from './i18n.js';

/** Core's own strings (error sentences), one lazily loaded chunk per locale. */
export const coreTranslations: LocaleLoaders = {
  fr: () => import('./locales/fr.js'),
  de: () => import('./locales/de.js'),
  it: () => import('./locales/it.js'),
  ar: () => import('./locales/ar.js'),
};
registerTranslations(coreTranslations);

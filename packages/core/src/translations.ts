import { registerTranslations, type LocaleLoaders } from './i18n.js';
import { registerEasyTranslations, type EasyLocaleLoaders } from './reading-mode.js';

/** Core's own strings (error sentences), one lazily loaded chunk per locale. */
export const coreTranslations: LocaleLoaders = {
  fr: () => import('./locales/fr.js'),
  de: () => import('./locales/de.js'),
  it: () => import('./locales/it.js'),
  ar: () => import('./locales/ar.js'),
};
registerTranslations(coreTranslations);

/** Core's easy-to-read strings (generated from xliff/easy/), English included. */
export const coreEasyTranslations: EasyLocaleLoaders = {
  en: () => import('./locales/easy/en.js'),
  fr: () => import('./locales/easy/fr.js'),
  de: () => import('./locales/easy/de.js'),
  it: () => import('./locales/easy/it.js'),
  ar: () => import('./locales/easy/ar.js'),
};
registerEasyTranslations(coreEasyTranslations);

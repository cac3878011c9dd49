import { registerEasyTranslations, registerTranslations, type EasyLocaleLoaders, type LocaleLoaders } from '@citopia/core';

/** This package's strings, one lazily loaded chunk per locale (generated from xliff/). */
export const translations: LocaleLoaders = {
  fr: () => import('./locales/fr.js'),
  de: () => import('./locales/de.js'),
  it: () => import('./locales/it.js'),
  ar: () => import('./locales/ar.js'),
};
registerTranslations(translations);

/** This package's easy-to-read strings (generated from xliff/easy/), English included. */
export const easyTranslations: EasyLocaleLoaders = {
  en: () => import('./locales/easy/en.js'),
  fr: () => import('./locales/easy/fr.js'),
  de: () => import('./locales/easy/de.js'),
  it: () => import('./locales/easy/it.js'),
  ar: () => import('./locales/easy/ar.js'),
};
registerEasyTranslations(easyTranslations);

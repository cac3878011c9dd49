import { registerTranslations, type LocaleLoaders } from '@citopia/core';

/** This package's strings, one lazily loaded chunk per locale (generated from xliff/). */
export const translations: LocaleLoaders = {
  fr: () => import('./locales/fr.js'),
  de: () => import('./locales/de.js'),
  it: () => import('./locales/it.js'),
  ar: () => import('./locales/ar.js'),
};
registerTranslations(translations);

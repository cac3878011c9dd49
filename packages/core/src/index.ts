/**
 * @citopia/core: the base element and what every component needs on every page. Helpers that
 * only some components use are separate entry points, so nobody downloads what they do not use:
 * `@citopia/core/styles`, `/fetch`, `/storage`, `/safe-url`, `/language-map`.
 */
export { CitopiaElement } from './citopia-element.js';
export { defineElement } from './define.js';
export { emitEvent, type CitopiaEventMap, type CitopiaEventName, type EmitOptions } from './events.js';
export { resolveLanguage, watchLanguage, languageWatcherCount } from './language.js';
export { SOURCE_LOCALE, TARGET_LOCALES, SUPPORTED_LOCALES, toSupportedLocale, directionOf, primaryLanguage, type Locale } from './locales-supported.js';
export {
  registerTranslations,
  ensureLocale,
  isLocaleReady,
  withLocale,
  activeLocale,
  activeEasy,
  plural,
  formatNumber,
  type LocaleLoaders,
  type LocaleModule,
  type StringOverrides,
  type PluralForms,
} from './i18n.js';
export {
  registerEasyTranslations,
  ensureEasyLocale,
  isEasyLocaleReady,
  readingPreference,
  setReadingPreference,
  resolveReading,
  isReadingMode,
  READING_MODES,
  READING_CHANGE_EVENT,
  READING_STORAGE_KEY,
  type ReadingMode,
  type EasyLocaleLoaders,
} from './reading-mode.js';
export { coreTranslations, coreEasyTranslations } from './translations.js';

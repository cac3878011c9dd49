/**
 * `@citopia/core/i18n`: the localization runtime beyond what components register with, for
 * server rendering, tools and tests (components need only the main entry).
 */
export { resolveLanguage, watchLanguage, languageWatcherCount } from './language.js';
export { SOURCE_LOCALE, TARGET_LOCALES } from './locales-supported.js';
export { ensureLocale, isLocaleReady, withLocale, activeLocale, activeEasy } from './i18n.js';
export { ensureEasyLocale, isEasyLocaleReady, resolveReading, isReadingMode, READING_MODES, READING_CHANGE_EVENT, READING_STORAGE_KEY } from './reading-mode.js';
export { coreTranslations, coreEasyTranslations } from './translations.js';

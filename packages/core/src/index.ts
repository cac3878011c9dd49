/**
 * @citopia/core: the base element and what every component needs on every page. What only some
 * components, tools or tests use is a separate entry point, so nobody downloads what they do not
 * use: `@citopia/core/styles`, `/fetch`, `/storage`, `/safe-url`, `/language-map`, `/format`
 * (`plural`, `formatNumber`), `/chunk`, `/i18n` (the rest of the localization runtime).
 */
export { CitopiaElement } from './citopia-element.js';
export { defineElement } from './define.js';
export { emitEvent, type CitopiaEventMap, type CitopiaEventName, type EmitOptions } from './events.js';
export { SUPPORTED_LOCALES, toSupportedLocale, directionOf, primaryLanguage, type Locale } from './locales-supported.js';
export { registerTranslations, type LocaleLoaders, type LocaleModule, type StringOverrides } from './i18n.js';
export { registerEasyTranslations, readingPreference, setReadingPreference, type ReadingMode, type EasyLocaleLoaders } from './reading-mode.js';
import './translations.js';

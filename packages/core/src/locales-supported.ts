/** The interface languages Citopia ships. English is the source language. */
export const SOURCE_LOCALE = 'en';
export const TARGET_LOCALES = ['fr', 'de', 'it', 'ar'] as const;
export const SUPPORTED_LOCALES = [SOURCE_LOCALE, ...TARGET_LOCALES] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

const RTL_LANGUAGES = /^(ar|he|fa|ur|ps|yi|dv|ckb|sd|ug)$/;

/** Primary subtag, lower-cased: "fr-CH" becomes "fr". */
export function primaryLanguage(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0]!;
}

/** The shipped interface locale for a BCP 47 tag, or English when we do not ship it. */
export function toSupportedLocale(tag: string): Locale {
  const primary = primaryLanguage(tag);
  return (SUPPORTED_LOCALES as readonly string[]).includes(primary) ? (primary as Locale) : SOURCE_LOCALE;
}

/** Writing direction of a language tag (the tag's own, not only the shipped locales). */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.test(primaryLanguage(tag)) ? 'rtl' : 'ltr';
}

/**
 * Counting and numbers in the person's language: `@citopia/core/format`, apart from the main
 * entry because only the components that show counts need it.
 */
export type PluralForms<T> = { other: T } & Partial<Record<Intl.LDMLPluralRule, T>>;

const pluralRules = new Map<string, Intl.PluralRules>();
/**
 * The form of `forms` that `Intl.PluralRules` selects for `count` in `locale`, falling back to
 * `other`. Give every form a language needs as its own msg() id (Arabic uses all six), so each
 * translation can be exact.
 */
export function plural<T>(locale: string, count: number, forms: PluralForms<T>): T {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return forms[rules.select(count)] ?? forms.other;
}

/** Formats a number for `locale` (Arabic shows Western digits by default in Swiss usage: "ar-u-nu-latn"). */
export function formatNumber(locale: string, value: number): string {
  return new Intl.NumberFormat(locale === 'ar' ? 'ar-u-nu-latn' : locale).format(value);
}


/**
 * Per-element localization on top of @lit/localize.
 *
 * Strings are written with `msg()` and `str` from @lit/localize, extracted to XLIFF and built by
 * `lit-localize` in runtime mode, one lazily imported module per locale and package. The stock
 * runtime has one global locale per page; a Citopia element speaks the language of its closest
 * `[lang]`, so two elements on one page may differ. We therefore install our own `msg`
 * implementation that looks strings up in the catalogue of the element being rendered (set
 * synchronously around each render by `CitopiaElement`), after the host page's own overrides.
 */
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { isStrTagged, joinStringsAndValues } from '@lit/localize/internal/str-tag.js';
import { SOURCE_LOCALE, type Locale } from './locales-supported.js';

/** What a generated locale module (`src/locales/<locale>.ts`) exports. */
export interface LocaleModule {
  templates: Record<string, unknown>;
}
export type LocaleLoaders = Partial<Record<Exclude<Locale, 'en'>, () => Promise<LocaleModule>>>;

/**
 * Host-page wording. Either `{ id: text }` for every locale or `{ fr: { id: text } }` per locale.
 * `{0}`, `{1}` … stand for the values of the source string, in source order.
 */
export type StringOverrides = Record<string, string | Record<string, string>>;

interface RenderContext {
  locale: Locale;
  overrides: StringOverrides | undefined;
  /** Easy-to-read mode: the `<locale>-easy` catalogue is looked up first (see reading-mode.ts). */
  easy?: boolean;
}

/** Catalogues by key: a locale (`fr`), or a locale's easy-to-read layer (`fr-easy`). */
const catalogues = new Map<string, Record<string, unknown>>();
let context: RenderContext | undefined;
let installed = false;

/** Adds messages to the catalogue `key` (a locale, or `<locale>-easy`). */
export function addCatalogue(key: string, templates: Record<string, unknown>): void {
  catalogues.set(key, { ...catalogues.get(key), ...templates });
}

function lookupOverride(overrides: StringOverrides | undefined, locale: Locale, id: string | undefined, easy?: boolean) {
  if (!overrides || !id) return undefined;
  const perEasy = easy ? overrides[`${locale}-easy`] : undefined;
  if (perEasy && typeof perEasy === 'object' && typeof perEasy[id] === 'string') return perEasy[id];
  const perLocale = overrides[locale];
  if (perLocale && typeof perLocale === 'object' && typeof perLocale[id] === 'string') return perLocale[id];
  const global = overrides[id];
  return typeof global === 'string' ? global : undefined;
}

interface StrTemplate {
  strTag: true;
  strings: readonly string[];
  values: unknown[];
}

/**
 * Our msg(): host override, then the element's catalogue, then the English source. Citopia
 * requires an explicit `id` on every msg() (host overrides and XLIFF are keyed by it), so the
 * id-hashing part of the stock runtime is not needed. Only strings and `str` templates are
 * localized (no `html` templates), which keeps translations plain text.
 */
function citopiaMsg(template: string | StrTemplate, options?: { id?: string }): string {
  const ctx = context;
  const id = options?.id;
  const values = isStrTagged(template as never) ? (template as StrTemplate).values : [];
  const override = ctx && lookupOverride(ctx.overrides, ctx.locale, id, ctx.easy);
  if (override !== undefined) {
    return override.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < values.length ? String(values[Number(index)]) : whole));
  }
  const easy = ctx?.easy && id ? catalogues.get(`${ctx.locale}-easy`)?.[id] : undefined;
  const localized = easy ?? (ctx && id && ctx.locale !== SOURCE_LOCALE ? catalogues.get(ctx.locale)?.[id] : undefined);
  if (typeof localized === 'string') return localized;
  if (localized && isStrTagged(localized as never)) {
    const t = localized as StrTemplate;
    // Translations hold value indexes, so a translator may reorder the placeholders.
    return joinStringsAndValues(t.strings as TemplateStringsArray, values, t.values as number[]);
  }
  return typeof template === 'string' ? template : joinStringsAndValues(template.strings as TemplateStringsArray, template.values);
}

/** Installs Citopia's msg() once per copy of @lit/localize. */
export function installLocalization(): void {
  if (installed) return;
  installed = true;
  try {
    _installMsgImplementation(citopiaMsg as never);
  } catch {
    // The host page configured @lit/localize itself on the same module instance: its global
    // locale then applies and per-element languages are lost. Say so once, do not break.
    console.warn('[citopia] @lit/localize was already configured by the page; Citopia follows its locale.');
  }
}

/**
 * One layer of catalogues (the standard strings, or the easy-to-read ones): the packages'
 * lazy loaders by locale, which are in memory, and the one pending load per locale. A chunk
 * that fails to load leaves that package's strings to the next layer (or English) rather than
 * blocking the component.
 */
export function catalogueLoader<L extends Partial<Record<Locale, () => Promise<LocaleModule>>>>(keyOf: (locale: Locale) => string, what: string) {
  const registered: L[] = [];
  const loaded = new Map<Locale, Set<L>>();
  const pending = new Map<string, Promise<void>>();
  const isReady = (locale: Locale): boolean => registered.every((l) => !l[locale] || loaded.get(locale)?.has(l));
  return {
    register(packageLoaders: L): void {
      if (!registered.includes(packageLoaders)) registered.push(packageLoaders);
    },
    isReady,
    ensure(locale: Locale): Promise<void> {
      if (isReady(locale)) return Promise.resolve();
      const key = `${locale}:${registered.length}`;
      let promise = pending.get(key);
      if (!promise) {
        const done = loaded.get(locale) ?? new Set<L>();
        loaded.set(locale, done);
        promise = Promise.all(
          registered
            .filter((l) => l[locale] && !done.has(l))
            .map(async (l) => {
              try {
                addCatalogue(keyOf(locale), (await l[locale]!()).templates);
              } catch (error) {
                console.warn(`[citopia] could not load the "${locale}" ${what}`, error);
              } finally {
                done.add(l);
              }
            }),
        ).then(() => undefined);
        pending.set(key, promise);
      }
      return promise;
    },
  };
}

// English is the source: it has no standard catalogue (loaders have no `en`), so it is always ready.
const standard = catalogueLoader<LocaleLoaders>((locale) => locale, 'translations');

/** Called at module load by every package that ships translations. */
export const registerTranslations: (packageLoaders: LocaleLoaders) => void = standard.register;

/** True when every registered package's catalogue for `locale` is in memory. */
export const isLocaleReady: (locale: Locale) => boolean = standard.isReady;

/** Loads (once) every registered package's catalogue for `locale`. */
export const ensureLocale: (locale: Locale) => Promise<void> = standard.ensure;

/** The locale msg() answers in right now (inside a render or `withLocale`), if any. */
export function activeLocale(): Locale | undefined {
  return context?.locale;
}

/** True when msg() answers in easy-to-read language right now. */
export function activeEasy(): boolean {
  return context?.easy === true;
}

/**
 * Runs `fn` with msg() answering in `locale`, with the element's overrides, in easy-to-read
 * language when `easy`. Re-entrant.
 */
export function withLocale<T>(locale: Locale, overrides: StringOverrides | undefined, fn: () => T, easy = false): T {
  const previous = context;
  context = { locale, overrides, easy };
  try {
    return fn();
  } finally {
    context = previous;
  }
}

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


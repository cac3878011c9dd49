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
import type { Locale } from './locales-supported.js';

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

/**
 * Catalogues by key: a locale (`fr`), or a locale's easy-to-read layer (`fr-easy`); each
 * package's chunk adds its messages to its key's catalogue.
 */
const catalogues: Partial<Record<string, Record<string, unknown>>> = {};
let context: RenderContext | undefined;

/** The host page's wording for `id`: easy-to-read for the locale, then for the locale, then for all. */
function lookupOverride(overrides: StringOverrides, locale: Locale, id: string, easy?: boolean): string | undefined {
  for (const layer of [easy && overrides[`${locale}-easy`], overrides[locale], overrides]) {
    const text = layer && typeof layer === 'object' ? layer[id] : undefined;
    if (typeof text === 'string') return text;
  }
  return undefined;
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
  const override = ctx?.overrides && id ? lookupOverride(ctx.overrides, ctx.locale, id, ctx.easy) : undefined;
  if (override !== undefined) {
    return override.replace(/\{(\d+)\}/g, (whole, index: string) => (index in values ? String(values[+index]) : whole));
  }
  // No catalogue holds English (the source): the English text is the template itself.
  const localized = (ctx && id ? (ctx.easy ? catalogues[`${ctx.locale}-easy`]?.[id] : undefined) ?? catalogues[ctx.locale]?.[id] : undefined) as string | StrTemplate | undefined;
  const chosen = localized ?? template;
  // A translation holds value indexes, so a translator may reorder the placeholders.
  return typeof chosen === 'string' ? chosen : joinStringsAndValues(chosen.strings as TemplateStringsArray, values, chosen === template ? undefined : (chosen.values as number[]));
}

/** Installs Citopia's msg() (once: at the load of citopia-element.ts). */
export function installLocalization(): void {
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
 * lazy loaders by locale, and each loader's one load (`true` once settled). A chunk that fails
 * to load leaves that package's strings to the next layer (or English) rather than blocking the
 * component.
 */
export function catalogueLoader<L extends Partial<Record<Locale, () => Promise<LocaleModule>>>>(keyOf: (locale: Locale) => string) {
  const registered = new Set<L>();
  const loads = new Map<() => Promise<LocaleModule>, Promise<void> | true>();
  const loadersOf = (locale: Locale) => [...registered].flatMap((l) => l[locale] ?? []);
  return {
    register: (packageLoaders: L): void => void registered.add(packageLoaders),
    isReady: (locale: Locale): boolean => loadersOf(locale).every((load) => loads.get(load) === true),
    ensure: (locale: Locale): Promise<void> =>
      Promise.all(
        loadersOf(locale).map((load) => {
          if (!loads.has(load)) {
            const loading = load().then(
              // The first module's own object, not a copy: a CDN catalogue chunk adds the rest of
              // its strings to it when a lazily loaded part needs them (see restOfStrings).
              (module) => Object.assign((catalogues[keyOf(locale)] ??= module.templates), module.templates),
              (error: unknown) => console.warn(`[citopia] could not load the "${keyOf(locale)}" strings`, error),
            );
            loads.set(load, loading.then(() => void loads.set(load, true)));
          }
          return loads.get(load);
        }),
      ).then(() => undefined),
  };
}

// English is the source: it has no standard catalogue (loaders have no `en`), so it is always ready.
const standard = catalogueLoader<LocaleLoaders>((locale) => locale);

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

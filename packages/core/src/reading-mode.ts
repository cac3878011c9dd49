/**
 * Easy-to-read mode (French FALC, German Leichte Sprache, Italian lingua facile, plain English,
 * simple Modern Standard Arabic): a second layer of catalogues, `<locale>-easy`, that msg()
 * looks up first when an element reads in easy mode, falling back to the standard string.
 *
 * Which mode an element reads in, closest first:
 *   1. its own `reading` attribute or property ("easy" | "standard");
 *   2. the closest ancestor with `data-citopia-reading` (or `reading`), crossing shadow roots;
 *   3. the person's remembered choice (any toggle, or `setReadingPreference()`), kept in
 *      localStorage under "citopia:reading" when the device allows, in memory for the page anyway;
 *   4. standard.
 * A change of choice is announced with one `citopia-reading-change` event (bubbling to
 * `window`), which every copy of Citopia on the page listens to, so all components follow.
 */
import { catalogueLoader, type LocaleModule } from './i18n.js';
import type { Locale } from './locales-supported.js';

export type ReadingMode = 'easy' | 'standard';
export const READING_MODES: readonly ReadingMode[] = ['standard', 'easy'];

/** Lazy loaders of a package's easy-to-read catalogues (English included: it has its own). */
export type EasyLocaleLoaders = Partial<Record<Locale, () => Promise<LocaleModule>>>;

/** The storage key (after the "citopia:" namespace) of the remembered choice. */
export const READING_STORAGE_KEY = 'reading';
/** The event announcing a new choice; detail `{ reading }`. */
export const READING_CHANGE_EVENT = 'citopia-reading-change';

export function isReadingMode(value: unknown): value is ReadingMode {
  return value === 'easy' || value === 'standard';
}

// ---- catalogues -------------------------------------------------------------------------------

const easy = catalogueLoader<EasyLocaleLoaders>((locale) => `${locale}-easy`, 'easy-to-read strings');

/** Called at module load by every package that ships easy-to-read strings. */
export const registerEasyTranslations: (packageLoaders: EasyLocaleLoaders) => void = easy.register;

/** True when every registered package's easy catalogue for `locale` is in memory. */
export const isEasyLocaleReady: (locale: Locale) => boolean = easy.isReady;

/** Loads (once) the easy catalogues of `locale`; a chunk that fails leaves the standard strings. */
export const ensureEasyLocale: (locale: Locale) => Promise<void> = easy.ensure;

// ---- the person's choice ----------------------------------------------------------------------

const STORED_KEY = `citopia:${READING_STORAGE_KEY}`;
/**
 * The device's storage, or undefined when touching it throws (disabled, sandboxed). A full or
 * refusing storage only loses the remembering: the choice itself lives in `preference`.
 */
const device = (): Storage | undefined => {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
};
let preference: ReadingMode | undefined;
let preferenceRead = false;
const followers = new Set<() => void>();

function notifyFollowers(): void {
  for (const follow of [...followers]) follow();
}
function onChangeEvent(event: Event): void {
  const mode = (event as CustomEvent<{ reading?: unknown }>).detail?.reading;
  if (isReadingMode(mode)) applyPreference(mode);
}
function onStorage(event: StorageEvent): void {
  if (event.key === STORED_KEY && isReadingMode(event.newValue)) applyPreference(event.newValue);
}
let attributeObserver: MutationObserver | undefined;

/** The remembered choice, if the person made one (read from storage once, then kept in memory). */
export function readingPreference(): ReadingMode | undefined {
  if (!preferenceRead) {
    preferenceRead = true;
    let stored: string | null | undefined;
    try {
      stored = device()?.getItem(STORED_KEY);
    } catch {
      /* unreadable: no remembered choice */
    }
    preference = isReadingMode(stored) ? stored : undefined;
  }
  return preference;
}

/**
 * Records the person's choice (remembered on the device when it can be; in memory otherwise)
 * and announces it with `citopia-reading-change`, dispatched at `source` (a component whose
 * toggle was pressed) or at `document` (a page-level toggle). Returns whether it was stored.
 */
export function setReadingPreference(mode: ReadingMode, source?: Element): boolean {
  let persisted = false;
  try {
    device()!.setItem(STORED_KEY, mode);
    persisted = true;
  } catch {
    /* full, disabled or absent: remembered for this page only */
  }
  applyPreference(mode);
  (source ?? document).dispatchEvent(new CustomEvent(READING_CHANGE_EVENT, { detail: { reading: mode }, bubbles: true, composed: true }));
  return persisted;
}

function applyPreference(mode: ReadingMode): void {
  preferenceRead = true;
  if (preference === mode) return;
  preference = mode;
  notifyFollowers();
}

/**
 * Calls `onChange` when the choice or any `data-citopia-reading` attribute may have changed
 * (this page, another copy of Citopia on it, or another tab). Returns the unsubscribe. The
 * listeners and the one attribute observer exist only while some element follows.
 */
export function followReading(onChange: () => void): () => void {
  if (followers.size === 0) {
    window.addEventListener(READING_CHANGE_EVENT, onChangeEvent);
    window.addEventListener('storage', onStorage);
    attributeObserver = new MutationObserver(notifyFollowers);
    attributeObserver.observe(document, { attributes: true, attributeFilter: ['data-citopia-reading'], subtree: true });
  }
  followers.add(onChange);
  return () => {
    if (!followers.delete(onChange) || followers.size > 0) return;
    window.removeEventListener(READING_CHANGE_EVENT, onChangeEvent);
    window.removeEventListener('storage', onStorage);
    attributeObserver?.disconnect();
    attributeObserver = undefined;
    // Unheard while nobody follows: read the device again next time.
    preferenceRead = false;
  };
}

/** How many elements follow the reading mode (tests prove disconnect cleans up). */
export function readingFollowerCount(): number {
  return followers.size;
}

// ---- resolution -------------------------------------------------------------------------------

/** The mode set on the closest ancestor of `el` (not `el` itself), crossing shadow roots. */
export function inheritedReading(el: Element): ReadingMode | undefined {
  let node: Element | null = el.parentElement ?? hostOf(el);
  while (node) {
    const marked: Element | null = node.closest('[data-citopia-reading], [reading]');
    if (marked) {
      const value = marked.getAttribute('data-citopia-reading') ?? marked.getAttribute('reading');
      if (isReadingMode(value)) return value;
      node = marked.parentElement ?? hostOf(marked);
      continue;
    }
    node = hostOf(node);
  }
  return undefined;
}

function hostOf(el: Element): Element | null {
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The mode `el` reads in, given its own setting (see the order at the top of this module). */
export function resolveReading(el: Element, own: string | null | undefined): ReadingMode {
  if (isReadingMode(own)) return own;
  return inheritedReading(el) ?? readingPreference() ?? 'standard';
}

/**
 * Tests only: forget the choice, as a new page would. `keepStored` keeps the device's copy (a
 * reload); otherwise it is removed too (a first visit).
 */
export function _resetReadingPreference(keepStored = false): void {
  if (!keepStored) device()?.removeItem(STORED_KEY);
  preference = undefined;
  preferenceRead = false;
}

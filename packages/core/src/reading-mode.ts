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
import { closestAcross, hostOf } from './language.js';
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

const easy = catalogueLoader<EasyLocaleLoaders>((locale) => `${locale}-easy`);

/** Called at module load by every package that ships easy-to-read strings. */
export const registerEasyTranslations: (packageLoaders: EasyLocaleLoaders) => void = easy.register;

/** True when every registered package's easy catalogue for `locale` is in memory. */
export const isEasyLocaleReady: (locale: Locale) => boolean = easy.isReady;

/** Loads (once) the easy catalogues of `locale`; a chunk that fails leaves the standard strings. */
export const ensureEasyLocale: (locale: Locale) => Promise<void> = easy.ensure;

// ---- the person's choice ----------------------------------------------------------------------

const STORED_KEY = `citopia:${READING_STORAGE_KEY}`;
// The device's storage is touched only inside try/catch: reading `localStorage` itself throws
// where storage is disabled or sandboxed. A full or refusing storage only loses the remembering:
// the choice itself lives in `preference`.
/** The choice: null until read from the device, undefined when the person made none. */
let preference: ReadingMode | undefined | null = null;
const followers = new Set<() => void>();

function notifyFollowers(): void {
  for (const follow of [...followers]) follow();
}
/** A choice made elsewhere: by another copy of Citopia on this page (its event), or in another tab. */
function onChoice(event: Event): void {
  const mode = event instanceof StorageEvent ? event.key === STORED_KEY && event.newValue : (event as CustomEvent<{ reading?: unknown }>).detail?.reading;
  if (isReadingMode(mode)) applyPreference(mode);
}
const CHOICE_EVENTS = [READING_CHANGE_EVENT, 'storage'];
let attributeObserver: MutationObserver | undefined;

/** The remembered choice, if the person made one (read from storage once, then kept in memory). */
export function readingPreference(): ReadingMode | undefined {
  if (preference === null) {
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(STORED_KEY);
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
    localStorage.setItem(STORED_KEY, mode);
    persisted = true;
  } catch {
    /* full, disabled or absent: remembered for this page only */
  }
  applyPreference(mode);
  (source ?? document).dispatchEvent(new CustomEvent(READING_CHANGE_EVENT, { detail: { reading: mode }, bubbles: true, composed: true }));
  return persisted;
}

function applyPreference(mode: ReadingMode): void {
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
  if (!followers.size) {
    for (const type of CHOICE_EVENTS) window.addEventListener(type, onChoice);
    attributeObserver = new MutationObserver(notifyFollowers);
    attributeObserver.observe(document, { attributes: true, attributeFilter: ['data-citopia-reading'], subtree: true });
  }
  followers.add(onChange);
  return () => {
    if (!followers.delete(onChange) || followers.size) return;
    for (const type of CHOICE_EVENTS) window.removeEventListener(type, onChoice);
    attributeObserver!.disconnect();
    // Unheard while nobody follows: read the device again next time.
    preference = null;
  };
}

/** How many elements follow the reading mode (tests prove disconnect cleans up). */
export function readingFollowerCount(): number {
  return followers.size;
}

// ---- resolution -------------------------------------------------------------------------------

/** The mode set on the closest ancestor of `el` (not `el` itself), crossing shadow roots. */
export function inheritedReading(el: Element): ReadingMode | undefined {
  return closestAcross(el.parentElement ?? hostOf(el), '[data-citopia-reading], [reading]', (marked) => {
    const value = marked.getAttribute('data-citopia-reading') ?? marked.getAttribute('reading');
    return isReadingMode(value) ? value : undefined;
  });
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
  if (!keepStored) localStorage.removeItem(STORED_KEY);
  preference = null;
}

/**
 * Screen-reader walks: @guidepup/virtual-screen-reader driven over a component, with the phrase
 * log kept per spoken element so that walks can assert order, duplicates and language, and
 * compare the log with a reviewed transcript kept in the repository.
 *
 * Shadow DOM. The library (0.33) builds its tree from `node.childNodes`, looks up ids with
 * `container.querySelector`, watches one MutationObserver on the container and listens to
 * `focusin` on it: it sees nothing inside shadow roots, and it rejects a ShadowRoot as container.
 * While a reader runs, this module gives it the flat tree instead (what browsers expose to
 * assistive technology): an element's `childNodes` getter answers with its open shadow root's
 * children and a slot's with its assigned nodes; the observer also watches every open shadow
 * root under the container; focus is reported with the deepest focused element, not the host.
 * Closed shadow roots stay invisible. References across shadow roots (aria-controls to an id in
 * another root) are not resolved, as in browsers.
 */
// The self-contained browser build: the default entry imports CommonJS packages (aria-query).
import { virtual } from '@guidepup/virtual-screen-reader/browser.js';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { deepActiveElement } from './keys.js';

/** One spoken phrase and the element it came from (null for live-region announcements). */
export interface Spoken {
  phrase: string;
  node: Node | null;
  live: boolean;
}

export interface Reader {
  /** Moves to the next / previous item (the screen reader's arrow keys in browse mode). */
  next(): Promise<void>;
  previous(): Promise<void>;
  /** Quick navigation: next heading (H), next form field (F), next landmark (D / R). */
  nextHeading(): Promise<void>;
  nextFormField(): Promise<void>;
  nextLandmark(): Promise<void>;
  /** The screen reader's activate (Enter, or Space on a checkbox or radio), as real key presses. */
  activate(): Promise<void>;
  /** Focuses the item under the cursor and types with real key presses (forms mode). */
  type(text: string): Promise<void>;
  /** A real key press (Tab, Escape, Enter...) in the page; the cursor follows focus. */
  press(key: string): Promise<void>;
  /** next() until a phrase matches (text: exact phrase, or a predicate); fails after `max` moves. */
  readUntil(match: string | RegExp | ((phrase: string) => boolean), max?: number): Promise<string>;
  /** Resolves once a live announcement matches; fails after `timeout` ms. */
  waitForAnnouncement(match: string | RegExp | ((phrase: string) => boolean), timeout?: number): Promise<string>;
  /** Everything spoken since start or the last clear(), navigation and live regions in order. */
  phrases(): string[];
  /** Only the live-region announcements ("polite: …", "assertive: …"). */
  announcements(): string[];
  /** The log with the element each phrase came from. */
  spoken(): Spoken[];
  /** The log as a transcript: one line a phrase, marked `[lang=xx]` (or `[lang=ar+en]` for a phrase in two) where its language differs from `pageLang`. */
  transcript(pageLang: string): string[];
  /** The element under the cursor. */
  readonly activeNode: Node | null;
  clear(): Promise<void>;
  stop(): Promise<void>;
}

const LIVE = /^(polite|assertive): /;
const FORM_FIELD_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'listbox', 'checkbox', 'radio', 'switch', 'slider', 'spinbutton', 'button']);

// ---- the flat tree, while a reader runs -----------------------------------------------------
const childNodesGetter = Object.getOwnPropertyDescriptor(Node.prototype, 'childNodes')!.get!;
let flatTreeUsers = 0;

function flatChildNodes(this: Node): NodeListOf<ChildNode> | Node[] {
  if (this instanceof Element && this.shadowRoot) return this.shadowRoot.childNodes;
  if (this instanceof HTMLSlotElement) {
    const assigned = this.assignedNodes({ flatten: true });
    if (assigned.length) return assigned;
  }
  return childNodesGetter.call(this) as NodeListOf<ChildNode>;
}
function useFlatTree(on: boolean) {
  flatTreeUsers += on ? 1 : -1;
  if (on && flatTreeUsers === 1) Object.defineProperty(Element.prototype, 'childNodes', { configurable: true, get: flatChildNodes });
  if (!on && flatTreeUsers === 0) delete (Element.prototype as unknown as Record<string, unknown>)['childNodes'];
}

/** Every open shadow root at or under `root`. */
function shadowRoots(root: Node, found: ShadowRoot[] = []): ShadowRoot[] {
  const scope = root as ParentNode;
  const elements = root instanceof Element ? [root, ...scope.querySelectorAll('*')] : [...scope.querySelectorAll('*')];
  for (const el of elements) {
    if (el.shadowRoot) {
      found.push(el.shadowRoot);
      shadowRoots(el.shadowRoot, found);
    }
  }
  return found;
}

/**
 * One record per element whose children changed in one batch: a browser reports a live region's
 * change once per update (Lit removing "Loading…" and adding the result is one change), where the
 * library would speak an atomic region once per record.
 */
function coalesce(mutations: MutationRecord[]): MutationRecord[] {
  const out: MutationRecord[] = [];
  const byTarget = new Map<Node, { type: 'childList'; target: Node; addedNodes: Node[]; removedNodes: Node[] }>();
  for (const m of mutations) {
    if (m.type !== 'childList') {
      out.push(m);
      continue;
    }
    let merged = byTarget.get(m.target);
    if (!merged) {
      merged = { type: 'childList', target: m.target, addedNodes: [], removedNodes: [] };
      byTarget.set(m.target, merged);
      out.push(merged as unknown as MutationRecord);
    }
    merged.addedNodes.push(...m.addedNodes);
    merged.removedNodes.push(...m.removedNodes);
  }
  return out;
}

/** A MutationObserver that also watches the open shadow roots under what it observes. */
class DeepMutationObserver {
  private readonly inner: MutationObserver;
  private readonly watched = new WeakSet<Node>();
  private target: Node | undefined;
  private options: MutationObserverInit | undefined;
  constructor(callback: MutationCallback) {
    this.inner = new MutationObserver((mutations, observer) => {
      this.watchShadowRoots();
      // A change right under a shadow root has no parent element: the library's live-region
      // lookup would throw on it (and a shadow root is never a live region itself).
      callback(coalesce(mutations.filter((m) => !(m.target instanceof ShadowRoot))), observer);
    });
  }
  observe(target: Node, options: MutationObserverInit) {
    this.target = target;
    this.options = options;
    this.inner.observe(target, options);
    this.watchShadowRoots();
  }
  disconnect() {
    this.inner.disconnect();
  }
  takeRecords() {
    return this.inner.takeRecords();
  }
  private watchShadowRoots() {
    if (!this.target) return;
    for (const root of shadowRoots(this.target)) {
      if (this.watched.has(root)) continue;
      this.watched.add(root);
      this.inner.observe(root, this.options);
    }
  }
}

// ---- the reader -----------------------------------------------------------------------------
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Lets Lit render, the observer report and the library speak. */
async function settle() {
  await wait(30);
  await Promise.resolve();
}
const matcher = (match: string | RegExp | ((phrase: string) => boolean)) =>
  typeof match === 'string' ? (p: string) => p === match : match instanceof RegExp ? (p: string) => match.test(p) : match;

/** The element under the cursor (a text's parent). */
function cursorElement(): Element | null {
  const node = virtual.activeNode;
  return node instanceof Element ? node : (node?.parentElement ?? null);
}

function focusable(node: Node | null): node is HTMLElement {
  return node instanceof HTMLElement && (node.tabIndex >= 0 || node.matches('input, select, textarea, button, a[href], summary, [contenteditable]')) && !node.matches(':disabled');
}

let running = false;

/**
 * Starts the virtual screen reader over `container` (usually the fixture's `<div lang>` wrapper)
 * with a fresh log that holds only the first item, where the cursor lands. One reader at a time
 * (the library is a singleton).
 */
export async function startReader(container: Node): Promise<Reader> {
  if (running) throw new Error('a screen reader is already running: stop() it first');
  if (!(container instanceof Element)) throw new Error('startReader needs an element (the library rejects documents and shadow roots): pass the host or a wrapper');
  running = true;
  useFlatTree(true);

  // The library listens to focusin on the container, where the target is the outermost host:
  // keep its handler and call it with the deepest focused element instead.
  let focusHandler: ((event: { target: EventTarget | null }) => unknown) | undefined;
  const el = container as Element & { addEventListener: Element['addEventListener'] };
  el.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
    if (type === 'focusin' && typeof listener === 'function') focusHandler = listener as typeof focusHandler;
    else Element.prototype.addEventListener.call(el, type, listener, options);
  }) as Element['addEventListener'];
  try {
    await virtual.start({ container: el as HTMLElement, window: { MutationObserver: DeepMutationObserver, document } as unknown as Window & typeof globalThis });
  } catch (error) {
    running = false;
    useFlatTree(false);
    throw error;
  } finally {
    delete (el as unknown as Record<string, unknown>)['addEventListener'];
  }
  // Focus moving inside one shadow root is not reported outside it (the event's target and
  // related target are both the host there): listen in every shadow root too, once per event.
  const heard = new WeakSet<Event>();
  const onFocus = (event: Event) => {
    if (heard.has(event)) return;
    heard.add(event);
    void focusHandler?.({ target: deepActiveElement() });
  };
  const focusRoots = new Set<Node>([container]);
  const watchFocus = () => {
    for (const root of shadowRoots(container)) {
      if (focusRoots.has(root)) continue;
      focusRoots.add(root);
      root.addEventListener('focusin', onFocus);
    }
  };
  watchFocus();
  container.addEventListener('focusin', onFocus);

  let log: Spoken[] = [];
  let synced = 0;
  let skipping = false;
  /** Takes in what the library said since the last look, with the element each phrase came from. */
  const sync = async () => {
    watchFocus();
    const all = await virtual.spokenPhraseLog();
    for (const phrase of all.slice(synced)) {
      const live = LIVE.test(phrase);
      // Whitespace-only changes (Lit's text between parts) are not announcements.
      if (live && !phrase.replace(LIVE, '').trim()) continue;
      if (!skipping || live) log.push({ phrase, node: live ? null : virtual.activeNode, live });
    }
    synced = all.length;
  };
  // The log starts with what is said where the cursor lands: the first item.
  await sync();

  /**
   * The library finds its place by the cursor's name, value and state as they were when it got
   * there: once the field under it has a value (typed) or a state changed, next() starts over at
   * the top. After an action, tell it again where it is (its focus handler finds the item's
   * first stop, where the person acted), without logging the re-read.
   */
  const reanchor = async (speakStateChange: boolean) => {
    const node = virtual.activeNode;
    if (!node || !focusHandler) return;
    await sync();
    // Screen readers speak a state change of the focused control ("expanded"): the library
    // re-reads the item only when its phrase changed.
    skipping = !(speakStateChange && node === deepActiveElement());
    try {
      await focusHandler({ target: node });
      await sync();
    } finally {
      skipping = false;
    }
  };
  const step = async (action: () => Promise<unknown>) => {
    await sync();
    await action();
    await settle();
    await sync();
  };
  /** An action on the item under the cursor (typing, a key, activation): then re-anchor. */
  const act = async (action: () => Promise<unknown>, speakStateChange = true) => {
    await step(action);
    await reanchor(speakStateChange);
  };
  // Browse mode, as NVDA, JAWS and VoiceOver do it, where the library differs:
  /** A collapsed <select> is one line: its options are not stops. */
  const inCollapsedSelect = (node: Node | null) => {
    const el = node instanceof Element ? node : node?.parentElement;
    const select = el?.closest('select');
    return !!select && select !== el && !select.multiple && select.size <= 1;
  };
  /**
   * A button (its children are presentational) and a link (read on one line, by its name) are
   * one stop: not the text inside them, nor their "end of".
   */
  const insideOneStop = (node: Node | null, phrase: string) => {
    const el = node instanceof Element ? node : node?.parentElement;
    const item = el?.closest('button, [role="button"], a[href], [role="link"]');
    return !!item && (item !== node || phrase.startsWith('end of '));
  };
  const notAStop = async () => inCollapsedSelect(virtual.activeNode) || insideOneStop(virtual.activeNode, (await virtual.lastSpokenPhrase()) ?? '');
  const move = (command: () => Promise<unknown>) =>
    step(async () => {
      await command();
      for (let i = 0; i < 200 && (await notAStop()); i++) {
        skipping = true;
        try {
          await sync();
        } finally {
          skipping = false;
        }
        await command();
      }
    });
  const roleOf = (node: Node | null): string => {
    if (!(node instanceof Element)) return '';
    const explicit = node.getAttribute('role');
    if (explicit) return explicit.split(' ')[0]!;
    if (node instanceof HTMLInputElement) return ['checkbox', 'radio', 'button', 'submit', 'reset'].includes(node.type) ? (node.type === 'submit' || node.type === 'reset' ? 'button' : node.type) : node.type === 'search' ? 'searchbox' : 'textbox';
    if (node instanceof HTMLSelectElement) return node.multiple ? 'listbox' : 'combobox';
    if (node instanceof HTMLTextAreaElement) return 'textbox';
    if (node instanceof HTMLButtonElement) return 'button';
    return '';
  };

  const reader: Reader = {
    get activeNode() {
      return virtual.activeNode;
    },
    next: () => move(() => virtual.next()),
    previous: () => move(() => virtual.previous()),
    nextHeading: () => step(() => virtual.perform(virtual.commands.moveToNextHeading)),
    nextLandmark: () => step(() => virtual.perform(virtual.commands.moveToNextLandmark)),
    async nextFormField() {
      // The library has no form-field command: move on silently until a field, then speak it.
      await sync();
      const start = virtual.activeNode;
      skipping = true;
      try {
        for (let i = 0; i < 500; i++) {
          await virtual.next();
          await sync();
          if (FORM_FIELD_ROLES.has(roleOf(virtual.activeNode)) || virtual.activeNode === start) break;
        }
      } finally {
        skipping = false;
      }
      const phrase = (await virtual.lastSpokenPhrase()) ?? '';
      log.push({ phrase, node: virtual.activeNode, live: false });
    },
    async activate() {
      const target = cursorElement();
      if (focusable(target)) {
        await act(async () => {
          if (deepActiveElement() !== target) target.focus();
          await settle();
          await sendKeys({ press: target instanceof HTMLInputElement && ['checkbox', 'radio'].includes(target.type) ? 'Space' : 'Enter' });
        });
      } else {
        await act(() => virtual.act());
      }
    },
    async type(text) {
      await act(async () => {
        const target = cursorElement();
        if (focusable(target) && deepActiveElement() !== target) target.focus();
        await settle();
        await sendKeys({ type: text });
      }, false);
    },
    press: (key) =>
      act(async () => {
        const target = cursorElement();
        if (focusable(target) && deepActiveElement() !== target) target.focus();
        await sendKeys({ press: key });
      }),
    async readUntil(match, max = 200) {
      const test = matcher(match);
      for (let i = 0; i < max; i++) {
        await reader.next();
        const last = log.filter((s) => !s.live).at(-1)?.phrase ?? '';
        if (test(last)) return last;
      }
      throw new Error(`readUntil: no phrase matched ${String(match)} in ${max} moves; heard:\n${reader.phrases().slice(-20).join('\n')}`);
    },
    async waitForAnnouncement(match, timeout = 4000) {
      const test = matcher(match);
      const started = performance.now();
      for (;;) {
        await sync();
        const found = log.find((s) => s.live && test(s.phrase));
        if (found) return found.phrase;
        if (performance.now() - started > timeout) throw new Error(`no announcement matched ${String(match)} within ${timeout} ms; announced:\n${reader.announcements().join('\n')}`);
        await wait(20);
      }
    },
    phrases: () => log.map((s) => s.phrase),
    announcements: () => log.filter((s) => s.live).map((s) => s.phrase),
    spoken: () => [...log],
    transcript: (pageLang) =>
      log.map(({ phrase, node }) => {
        const langs = node ? spokenLangs(node, phrase) : [];
        const text = normalise(phrase);
        return langs.some((l) => primary(l) !== primary(pageLang)) ? `[lang=${langs.join('+')}] ${text}` : text;
      }),
    async clear() {
      await virtual.clearSpokenPhraseLog();
      log = [];
      synced = 0;
    },
    async stop() {
      for (const root of focusRoots) root.removeEventListener('focusin', onFocus);
      await virtual.stop();
      useFlatTree(false);
      running = false;
    },
  };
  return reader;
}

// ---- assertions -----------------------------------------------------------------------------
const normalise = (phrase: string) => phrase.replace(/\s+/g, ' ').trim();
const primary = (lang: string) => lang.toLowerCase().split('-')[0]!;

/** The closest `lang`, climbing out of shadow roots through their hosts, then `<html lang>`. */
export function closestLang(node: Node): string {
  let current: Node | null = node instanceof Element ? node : node.parentNode;
  while (current) {
    if (current instanceof Element) {
      const withLang = current.closest('[lang]');
      if (withLang) return withLang.getAttribute('lang') ?? '';
      current = (current.getRootNode() as ShadowRoot).host ?? null;
    } else if (current instanceof ShadowRoot) current = current.host;
    else current = null;
  }
  return document.documentElement.lang;
}

/** A node's children in the flat tree (shadow root for a host, assigned nodes for a slot). */
function flatChildren(node: Node): Node[] {
  if (node instanceof Element && node.shadowRoot) return [...(childNodesGetter.call(node.shadowRoot) as NodeListOf<ChildNode>)];
  if (node instanceof HTMLSlotElement && node.assignedNodes({ flatten: true }).length) return node.assignedNodes({ flatten: true });
  return [...(childNodesGetter.call(node) as NodeListOf<ChildNode>)];
}

/**
 * The languages a phrase is spoken in: those of the element's texts that the phrase says (a
 * heading around a link marked lang="en" is in English; a button whose name ends with a name in
 * English is in two), else the element's closest `lang`. The first is the main one.
 */
export function spokenLangs(node: Node, phrase: string): string[] {
  const own = closestLang(node);
  const said = normalise(phrase);
  const langs: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) {
      const text = normalise(n.textContent ?? '');
      if (/[\p{L}\p{N}]/u.test(text) && said.includes(text)) {
        const lang = closestLang(n);
        if (!langs.includes(lang)) langs.push(lang);
      }
    } else if (!(n instanceof Element && (n.getAttribute('aria-hidden') === 'true' || n.localName === 'style'))) flatChildren(n).forEach(walk);
  };
  walk(node);
  if (!langs.length) return [own];
  // The element's own language first when it is among them.
  return langs.includes(own) ? [own, ...langs.filter((l) => l !== own)] : langs;
}

const phraseList = (log: readonly string[] | Reader) => (Array.isArray(log) ? (log as string[]) : (log as Reader).phrases()).map(normalise);

/**
 * Asserts that `expected` phrases were heard in this order (other phrases may come between),
 * each matching exactly (a string) or by pattern. The failure shows the whole log.
 */
export function expectPhrases(log: readonly string[] | Reader, expected: ReadonlyArray<string | RegExp>): void {
  const heard = phraseList(log);
  let at = 0;
  for (const want of expected) {
    const test = typeof want === 'string' ? (p: string) => p === normalise(want) : (p: string) => want.test(p);
    const found = heard.findIndex((p, i) => i >= at && test(p));
    if (found === -1) {
      throw new Error(`expected to hear ${JSON.stringify(String(want))} after phrase ${at} (in order); heard:\n${heard.map((p, i) => `${String(i).padStart(3)} ${i === at ? '>' : ' '} ${p}`).join('\n')}`);
    }
    at = found + 1;
  }
}

/** Asserts that no live announcement was made twice in a row (or twice for the same change). */
export function expectNoDuplicateAnnouncements(log: readonly string[] | Reader): void {
  const announced = phraseList(log).filter((p) => LIVE.test(p));
  const seen = new Map<string, number>();
  for (const p of announced) seen.set(p, (seen.get(p) ?? 0) + 1);
  const twice = [...seen].filter(([, n]) => n > 1);
  if (twice.length) throw new Error(`announced more than once:\n${twice.map(([p, n]) => `${n}× ${p}`).join('\n')}\nall announcements:\n${announced.join('\n')}`);
}

interface SourceString {
  id: string;
  fragments: string[];
}
interface Unit {
  id: string;
  /** The text between placeholders, source (English) and target. */
  source: string[];
  target: string[];
}
const xliffCache = new Map<string, Promise<Unit[]>>();

/** The trans-units of packages/<pkg>/xliff/<locale>.xlf (English: the fr file's sources). */
function xliffUnits(pkg: string, locale: string): Promise<Unit[]> {
  const file = locale === 'en' ? 'fr' : locale;
  const key = `${pkg}/${file}`;
  if (!xliffCache.has(key)) {
    xliffCache.set(
      key,
      (async () => {
        const text = (await executeServerCommand('citopia-read-text', { path: `packages/${pkg}/xliff/${file}.xlf` })) as string;
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        const parts = (el: Element | null) => {
          const out: string[] = [];
          let current = '';
          for (const n of el?.childNodes ?? []) {
            if (n.nodeType === Node.TEXT_NODE) current += n.textContent;
            else {
              out.push(current);
              current = '';
            }
          }
          out.push(current);
          return out;
        };
        return [...doc.querySelectorAll('trans-unit')].map((unit) => ({ id: unit.getAttribute('id') ?? '', source: parts(unit.querySelector('source')), target: parts(unit.querySelector('target')) }));
      })(),
    );
  }
  return xliffCache.get(key)!;
}

/**
 * The sentence a msg() id reads as in `locale` (the target in xliff/, the English source for en),
 * with `values` in its placeholders in order: the walks build what they expect to hear from it.
 */
export async function translation(pkg: string, locale: string, id: string, ...values: Array<string | number>): Promise<string> {
  const unit = (await xliffUnits(pkg, primary(locale))).find((u) => u.id === id);
  if (!unit) throw new Error(`no msg id ${id} in packages/${pkg}/xliff`);
  const parts = primary(locale) === 'en' ? unit.source : unit.target;
  return parts.reduce((text, part, i) => text + (i > 0 ? String(values[i - 1] ?? '') : '') + part, '');
}

/**
 * The English source strings of `pkg` (every msg() source is in its xliff files) that read
 * differently in `locale`: the static parts between placeholders, at least two words or eight
 * letters long, and not also found in the translation.
 */
export async function englishSources(pkg: string, locale: string): Promise<SourceString[]> {
  return (await xliffUnits(pkg, primary(locale))).map((unit) => {
    const target = unit.target.map(normalise).join(' ');
    const fragments = unit.source.map(normalise).filter((f) => f && (f.split(' ').length >= 2 || f.replace(/[^\p{L}]/gu, '').length >= 8) && !target.includes(f));
    return { id: unit.id, fragments };
  });
}

/**
 * Asserts the walk speaks the page's language: no English source string of `packages` is heard in
 * a non-English walk, unless it comes from an element whose own `lang` is English; and each phrase
 * of an element comes from an element whose closest `lang` is the page locale or a language the
 * element declares itself (data in another language, tagged so the reader switches voice).
 */
export async function expectLanguage(reader: Reader, locale: string, packages: readonly string[]): Promise<void> {
  const problems: string[] = [];
  if (primary(locale) !== 'en') {
    const sources = (await Promise.all(packages.map((p) => englishSources(p, primary(locale))))).flat();
    for (const { phrase, node } of reader.spoken()) {
      if (node && primary(spokenLangs(node, phrase)[0]!) === 'en') continue;
      const text = normalise(phrase);
      for (const s of sources) for (const f of s.fragments) if (text.includes(f)) problems.push(`English "${f}" (${s.id}) in ${JSON.stringify(text)}`);
    }
  }
  if (problems.length) throw new Error(`heard English in a ${locale} walk:\n${problems.join('\n')}`);
}

/**
 * Compares `phrases` with the reviewed transcript `packages/<pkg>/test/transcripts/<task>.<locale>.txt`
 * (`name` is "<pkg>/<task>"). A missing or different transcript fails with a line diff; run with
 * UPDATE_TRANSCRIPTS=1 to (re)write it, then read it and commit it.
 */
export async function matchTranscript(name: string, locale: string, phrases: readonly string[]): Promise<void> {
  const [pkg, task] = name.split('/');
  if (!pkg || !task) throw new Error(`transcript name "${name}" must be "<package>/<task>"`);
  const text = phrases.map(normalise).join('\n') + '\n';
  const result = (await executeServerCommand('citopia-transcript', { pkg, task, locale, text })) as { status: 'same' | 'written' | 'missing' | 'different'; path: string; expected?: string };
  if (result.status === 'same' || result.status === 'written') return;
  if (result.status === 'missing') throw new Error(`no transcript ${result.path}: run with UPDATE_TRANSCRIPTS=1, read it, commit it. Heard:\n${text}`);
  throw new Error(`transcript ${result.path} differs (- reviewed, + heard); if the change is right, rerun with UPDATE_TRANSCRIPTS=1 and review:\n${lineDiff(result.expected!.split('\n'), text.split('\n'))}`);
}

/** True when the run (re)writes transcripts (UPDATE_TRANSCRIPTS=1) instead of comparing. */
export async function transcriptsUpdating(): Promise<boolean> {
  return ((await executeServerCommand('citopia-transcript-mode')) as { update: boolean }).update;
}

/** A small longest-common-subsequence line diff. */
function lineDiff(a: string[], b: string[]): string {
  const m = a.length;
  const n = b.length;
  const lcs: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = m - 1; i >= 0; i--) for (let j = n - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < m || j < n) {
    if (i < m && j < n && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (i < m && (j === n || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) out.push(`- ${a[i++]}`);
    else out.push(`+ ${b[j++]}`);
  }
  return out.join('\n');
}

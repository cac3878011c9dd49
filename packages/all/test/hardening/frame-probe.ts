/**
 * A fresh page (a same-origin iframe) with Citopia's CDN bundle loaded the way a city loads it,
 * and instruments installed BEFORE the bundle runs: every event listener on global targets
 * (window, document, and non-DOM targets such as MediaQueryList or navigator.connection), every
 * pending timer, every active Mutation/Resize/IntersectionObserver, and console warnings and
 * errors. The lifecycle tests compare these before and after elements come and go.
 */
import { until } from '@citopia/testing';

export type FrameWindow = Window & typeof globalThis;

export const TAGS = ['citopia-service-finder', 'citopia-assistance-request', 'citopia-privacy-notice', 'citopia-open-source-badge'] as const;
export type Tag = (typeof TAGS)[number];

/** The CDN bundle, and the same file under a second URL (so a second copy evaluates). */
export const BUNDLE = '/assets/citopia/cdn/citopia.js';
export const SECOND_BUNDLE = '/packages/all/cdn/citopia.js';

export interface Snapshot {
  /** Active listeners on global targets, by "target type" (for example "window online"). */
  listeners: Record<string, number>;
  /** Timers set and neither fired nor cleared (timeouts) or not cleared (intervals). */
  timers: number;
  /** Observers observing (not disconnected), other than the one shared language watcher. */
  observers: number;
  /** Core's language watcher: one MutationObserver for the whole copy, by design. */
  languageWatchers: number;
}

export interface Probe {
  snapshot(): Snapshot;
  /** Stacks of the timers still pending (to say where a leak comes from). */
  pendingTimerStacks(): string[];
  warnings: string[];
  errors: string[];
}

export interface ProbedFrame {
  frame: HTMLIFrameElement;
  w: FrameWindow;
  doc: Document;
  probe: Probe;
  /** Loads a script as `<script type="module">` and resolves once it has run. */
  load(src: string): Promise<void>;
  /** Creates an element of this page (before or after its definition). */
  create<E extends HTMLElement = HTMLElement>(tag: string, attributes?: Record<string, string>): E;
}

/** Count of listeners by key, from a Map of active registrations. */
function countBy(entries: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of entries) out[key] = (out[key] ?? 0) + 1;
  return out;
}

/** Installs the instruments on the frame's globals (before any Citopia code runs there). */
function instrument(w: FrameWindow): Probe {
  const warnings: string[] = [];
  const errors: string[] = [];
  const originalWarn = w.console.warn.bind(w.console);
  const originalError = w.console.error.bind(w.console);
  w.console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
    originalWarn(...args);
  };
  w.console.error = (...args: unknown[]) => {
    errors.push(args.map(String).join(' '));
    originalError(...args);
  };

  // ---- listeners ----------------------------------------------------------------------------
  const proto = w.EventTarget.prototype;
  const add = proto.addEventListener;
  const remove = proto.removeEventListener;
  // Uncaught exceptions: added through the original method, so not counted as listeners.
  add.call(w, 'error', (e: Event) => errors.push(`uncaught: ${(e as ErrorEvent).message}`));
  add.call(w, 'unhandledrejection', (e: Event) => errors.push(`unhandled rejection: ${String((e as PromiseRejectionEvent).reason)}`));

  const ids = new WeakMap<object, number>();
  let nextId = 0;
  const idOf = (o: object) => {
    if (!ids.has(o)) ids.set(o, ++nextId);
    return ids.get(o)!;
  };
  const active = new Map<string, string>(); // registration key → "target type"
  const isGlobal = (t: EventTarget) => t === w || t === w.document || !(t instanceof w.Node);
  const nameOf = (t: EventTarget) => (t === w ? 'window' : t === w.document ? 'document' : (t.constructor?.name ?? 'EventTarget'));
  const capture = (options?: boolean | AddEventListenerOptions | EventListenerOptions) => (typeof options === 'boolean' ? options : Boolean(options?.capture));
  const keyOf = (t: EventTarget, type: string, listener: object, options?: boolean | EventListenerOptions) => `${idOf(t)}|${type}|${idOf(listener)}|${capture(options)}`;

  // A bare `addEventListener(...)` in module code calls it with `this` undefined: the window.
  proto.addEventListener = function (this: EventTarget | undefined, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    const target = this ?? w;
    if (listener && isGlobal(target)) {
      const key = keyOf(target, type, listener, options);
      const o = typeof options === 'object' ? options : undefined;
      if (!o?.signal?.aborted && !active.has(key)) {
        active.set(key, `${nameOf(target)} ${type}`);
        // Registrations that end by themselves: `once` after the event, `signal` on abort.
        if (o?.once) add.call(target, type, () => active.delete(key), { once: true, capture: capture(options) });
        if (o?.signal) add.call(o.signal, 'abort', () => active.delete(key), { once: true });
      }
    }
    return add.call(target, type, listener, options);
  };
  proto.removeEventListener = function (this: EventTarget | undefined, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    const target = this ?? w;
    if (listener && isGlobal(target)) active.delete(keyOf(target, type, listener, options));
    return remove.call(target, type, listener, options);
  };
  // The old MediaQueryList API does not go through addEventListener.
  const mql = w.MediaQueryList?.prototype;
  if (mql) {
    const addListener = mql.addListener;
    const removeListener = mql.removeListener;
    mql.addListener = function (this: MediaQueryList, listener: ((this: MediaQueryList, ev: MediaQueryListEvent) => unknown) | null) {
      if (listener) active.set(keyOf(this, 'change', listener, false), 'MediaQueryList change');
      return addListener.call(this, listener);
    };
    mql.removeListener = function (this: MediaQueryList, listener: ((this: MediaQueryList, ev: MediaQueryListEvent) => unknown) | null) {
      if (listener) active.delete(keyOf(this, 'change', listener, false));
      return removeListener.call(this, listener);
    };
  }

  // ---- timers -------------------------------------------------------------------------------
  const pending = new Map<number, string>(); // id → stack where it was set
  const globals = w as unknown as Record<string, unknown>;
  type TimerFn = (handler: TimerHandler, timeout?: number, ...args: unknown[]) => number;
  const setT = w.setTimeout.bind(w) as unknown as TimerFn;
  const setI = w.setInterval.bind(w) as unknown as TimerFn;
  const clearT = w.clearTimeout.bind(w);
  const clearI = w.clearInterval.bind(w);
  globals.setTimeout = (handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
    let id = 0;
    const run = typeof handler === 'function' ? (...a: unknown[]) => (pending.delete(id), (handler as (...x: unknown[]) => unknown)(...a)) : handler;
    id = setT(run, timeout, ...args);
    pending.set(id, new Error('timer set').stack ?? '');
    return id;
  };
  globals.setInterval = (handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
    const id = setI(handler, timeout, ...args);
    pending.set(id, new Error('interval set').stack ?? '');
    return id;
  };
  // Browsers share one id space: either clear function clears either kind.
  globals.clearTimeout = (id?: number) => (id !== undefined && pending.delete(id), clearT(id));
  globals.clearInterval = (id?: number) => (id !== undefined && pending.delete(id), clearI(id));

  // ---- observers ----------------------------------------------------------------------------
  const observing = new Map<object, 'language' | 'other'>();
  for (const name of ['MutationObserver', 'ResizeObserver', 'IntersectionObserver'] as const) {
    const Original = w[name] as unknown as { new (...args: never[]): { observe(...a: unknown[]): void; disconnect(): void }; prototype: object };
    if (!Original) continue;
    const Tracked = class extends Original {
      override observe(target: unknown, options?: MutationObserverInit) {
        const language = name === 'MutationObserver' && options?.attributeFilter?.length === 1 && options.attributeFilter[0] === 'lang';
        observing.set(this, language ? 'language' : 'other');
        return super.observe(target, options);
      }
      override disconnect() {
        observing.delete(this);
        return super.disconnect();
      }
    };
    globals[name] = Tracked;
  }

  return {
    warnings,
    errors,
    snapshot: () => ({
      listeners: countBy(active.values()),
      timers: pending.size,
      observers: [...observing.values()].filter((k) => k === 'other').length,
      languageWatchers: [...observing.values()].filter((k) => k === 'language').length,
    }),
    pendingTimerStacks: () => [...pending.values()],
  };
}

/** A fresh, instrumented same-origin page; `body` is its markup (parsed before any script loads). */
export async function probedFrame(body = '', lang = 'en'): Promise<ProbedFrame> {
  const frame = document.createElement('iframe');
  frame.title = 'Citopia lifecycle page';
  frame.style.cssText = 'width: 1000px; height: 800px';
  frame.srcdoc = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Lifecycle</title></head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const w = frame.contentWindow as unknown as FrameWindow;
  const probe = instrument(w);
  const doc = w.document;
  return {
    frame,
    w,
    doc,
    probe,
    load: (src) =>
      new Promise<void>((resolve, reject) => {
        const script = doc.createElement('script');
        script.type = 'module';
        script.src = new URL(src, location.origin).href;
        script.onload = () => resolve();
        script.onerror = () => reject(new Error(`could not load ${src}`));
        doc.head.append(script);
      }),
    create: <E extends HTMLElement>(tag: string, attributes: Record<string, string> = {}) => {
      const el = doc.createElement(tag) as E;
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      return el;
    },
  };
}

/** Attributes that give each component real data served by the test server. */
export function sources(): Record<Tag, Record<string, string>> {
  const at = (path: string) => new URL(path, location.origin).href;
  return {
    'citopia-service-finder': { src: at('/packages/service-finder/fixtures/ville-de-demo.json') },
    'citopia-assistance-request': { endpoint: at('/packages/assistance-request/fixtures/open311/ville/'), 'min-fill-seconds': '0' },
    'citopia-privacy-notice': { src: at('/packages/privacy-notice/fixtures/config-consent.json'), 'storage-key': 'lifecycle-test' },
    'citopia-open-source-badge': { src: at('/publiccode.yml') },
  };
}

type Citopia = HTMLElement & { state?: string; loadState?: string };
const root = (el: Element) => el.shadowRoot;

/** Resolves once the element shows it works: catalogue browsable, form built, notice and badge read. */
export function works(el: Element, timeout = 15_000): Promise<void> {
  const c = el as Citopia;
  const checks: Record<string, () => unknown> = {
    'citopia-service-finder': () => root(el)?.querySelector('#results[aria-busy="false"]') && root(el)!.querySelector('.categories, .result, [part="no-results"]'),
    'citopia-assistance-request': () => root(el)?.querySelectorAll('input[name="service"]').length === 6,
    'citopia-privacy-notice': () => c.state === 'ready' && root(el)?.querySelector('[part="notice"], [part="settings-button"]'),
    'citopia-open-source-badge': () => c.loadState === 'ready' && root(el)?.querySelector('[part="pill"]')?.textContent?.includes('EUPL-1.2'),
  };
  return until(checks[el.localName]!, timeout, `<${el.localName}> to work`);
}

/** Sets a field's value as typing does: the value, then a bubbling, composed input event. */
export function setField(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const Event = (field.ownerDocument.defaultView as FrameWindow).Event;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

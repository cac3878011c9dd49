/** Shared helpers of this package's browser tests (real pages, real keys, the real test server). */
import { deepActiveElement, tab } from '@citopia/testing';
import { failingFirst, until } from '@citopia/core/fixtures';
import { PrivacyNotice } from '../src/index.js';

export const CONFIG = '/packages/privacy-notice/fixtures/config-consent.json';
export const TRANSPARENCY = '/packages/privacy-notice/fixtures/config-transparency.json';

let count = 0;

export interface Mounted {
  el: PrivacyNotice;
  root: ShadowRoot;
  wrapper: HTMLElement;
  before: HTMLButtonElement;
  after: HTMLButtonElement;
  key: string;
}

/**
 * Mounts a notice between two page buttons ("Before", "After"), with a storage key of its own,
 * and waits for its configuration. `prepare` runs before it is connected.
 */
export async function mountNotice(options: { attributes?: Record<string, string>; src?: string; config?: unknown; lang?: string; prepare?: (el: PrivacyNotice, key: string) => void } = {}): Promise<Mounted> {
  const wrapper = document.createElement('div');
  wrapper.lang = options.lang ?? 'en';
  wrapper.dataset.citopiaTest = '';
  const button = (text: string) => Object.assign(document.createElement('button'), { textContent: text, type: 'button' });
  const before = button('Before');
  const after = button('After');
  const el = new PrivacyNotice(); // the tag is defined by ../src/index.js
  const key = `test-${Date.now()}-${++count}`;
  el.setAttribute('storage-key', key);
  for (const [name, value] of Object.entries(options.attributes ?? {})) el.setAttribute(name, value);
  if (options.config !== undefined) el.config = options.config;
  else el.src = options.src ?? CONFIG;
  options.prepare?.(el, key);
  wrapper.append(before, el, after);
  document.body.append(wrapper);
  await until(() => el.state !== 'idle' && el.state !== 'loading', 6000, 'the notice to load');
  await el.updateComplete;
  return { el, root: el.shadowRoot!, wrapper, before, after, key };
}

/** The stored record, straight from the device's storage. */
export const stored = (key: string) => JSON.parse(localStorage.getItem(`citopia:${key}`) ?? 'null');

/** Writes a record made `daysAgo` days ago, as an earlier visit would have. */
export function storeChoice(key: string, version: string, daysAgo: number, choices: Record<string, boolean> = { statistics: true, maps: true }): void {
  localStorage.setItem(`citopia:${key}`, JSON.stringify({ version, date: new Date(Date.now() - daysAgo * 86_400_000).toISOString(), choices }));
}

/** The visible text of an element, whitespace collapsed. */
export const text = (node: Element | ShadowRoot | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A button of the notice (or of its dialog) by its text. */
export function buttonNamed(root: ParentNode, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => text(b) === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

/** Presses Tab (really) until `test` holds for the focused element. */
export async function tabUntil(test: (active: Element | null) => boolean, max = 40): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await tab();
    const active = deepActiveElement();
    if (test(active)) return active!;
  }
  throw new Error(`Tab never reached the element (focus on ${deepActiveElement()?.outerHTML.slice(0, 80)})`);
}

export { until };
/** Lets layout and focus settle (a timer: a background tab gets no animation frames). */
export const frame = () => new Promise((r) => setTimeout(r, 30));
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What a copy of the element says when one of its chunks cannot be downloaded (copies speak English). */
export const NETWORK = 'The server could not be reached. Check your connection, then try again.';

export interface CopyOptions {
  /** How many times `file` (a module of src/) answers 503 before it is served. */
  fails?: number;
  file?: string;
  src?: string;
  attributes?: Record<string, string>;
  prepare?: (key: string) => void;
  /** What to wait for before the test goes on (by default: the notice is ready). */
  ready?: (el: PrivacyNotice) => boolean;
  /** Called as soon as the element is in the page (its shadow root there, nothing rendered yet). */
  connected?: (el: PrivacyNotice) => void;
}

let copies = 0;
/**
 * A fresh copy of the element, mounted in the page after a "Before" button: its modules loaded
 * through the test server's /__test/fail-first/ prefix (under a tag of its own), so that each of
 * its chunks is really requested, and `file` really answered 503 `fails` times. A copy has its
 * own copy of core too, whose catalogues the page's msg() does not read: copies speak English.
 */
export async function mountCopy({ fails = 0, file, src = CONFIG, attributes = {}, prepare, ready = (el) => el.state === 'ready', connected }: CopyOptions = {}) {
  const url = failingFirst('/packages/privacy-notice/src/citopia-privacy-notice.ts', fails, file);
  const prefix = url.slice(0, url.indexOf('/packages/'));
  const { PrivacyNotice: Copy } = (await import(url)) as { PrivacyNotice: typeof PrivacyNotice };
  const tag = `citopia-privacy-notice-copy-${++copies}`;
  customElements.define(tag, Copy);
  const key = `copy-${Date.now()}-${copies}`;
  prepare?.(key);
  const wrapper = Object.assign(document.createElement('div'), { lang: 'en' });
  wrapper.dataset.citopiaTest = '';
  const el = document.createElement(tag) as PrivacyNotice;
  el.setAttribute('storage-key', key);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.src = src;
  const before = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Before' });
  wrapper.append(before, el);
  document.body.append(wrapper);
  connected?.(el);
  await until(() => ready(el), 6000, 'the notice to load');
  await el.updateComplete;
  /** Whether this copy asked the server for one of its modules (a chunk), failed or not. */
  const requested = (module: string) => performance.getEntriesByType('resource').some((e) => e.name.includes(prefix) && e.name.includes(`/src/${module}`));
  return { el, root: el.shadowRoot!, key, before, requested };
}

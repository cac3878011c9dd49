/** Shared helpers of this package's browser tests (real pages, real keys, the real test server). */
import { deepActiveElement, tab } from '@citopia/testing';
import { until } from '@citopia/core/fixtures';
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

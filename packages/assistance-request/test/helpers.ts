/** Helpers for the assistance request's browser tests: real servers, real keys, the device's storage. */
import { executeServerCommand } from '@web/test-runner-commands';
import { originContext, until, type FixtureContext } from '@citopia/testing';
import { type } from '@citopia/testing';
import { AssistanceRequest } from '../src/citopia-assistance-request.js';
import { formReady } from '../src/fixtures.js';
import '../src/index.js';

export interface StoredRequest {
  service_request_id: string;
  service_code: string | number;
  description: string;
  address: string;
  lat: number | null;
  long: number | null;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  media_url: string;
  token?: string;
  status: string;
  channel: string;
  idempotency_key: string;
  language: string;
  jurisdiction_id: string;
  attributes: Record<string, string | string[]>;
  extras: { contact_method?: string; accessibility: string[]; accessibility_other?: string; postal_address?: string; language?: string };
}

export interface ServerOptions {
  formats?: string[];
  tokenMode?: boolean;
  tokenDelay?: number;
  apiKey?: string;
  faults?: Record<string, unknown>;
  port?: number;
  dataDir?: string;
}

/** A fresh Open311 server of our own (port 0, temporary data directory), started by the test runner. */
export async function startServer(options: ServerOptions = {}): Promise<{ url: string; port: number; dataDir: string }> {
  return (await executeServerCommand('open311-start', options)) as { url: string; port: number; dataDir: string };
}
export const stopServer = (url: string) => executeServerCommand('open311-stop', { url }) as Promise<{ port: number; dataDir: string }>;
export const storedRequests = async (url: string) => (await executeServerCommand('open311-requests', { url })) as StoredRequest[];
export const setFaults = (url: string, faults: Record<string, unknown>) => executeServerCommand('open311-faults', { url, faults });
export const mainServer = async () => ((await executeServerCommand('open311-url')) as { url: string }).url;
export const setNetwork = (offline: boolean) => executeServerCommand('citopia-network', { offline }) as Promise<{ supported: boolean }>;

export async function context(): Promise<FixtureContext> {
  return originContext('/', await mainServer());
}

/** Removes every element the tests mounted, and everything the component keeps on the device. */
export function cleanUp(): void {
  document.querySelectorAll('[data-citopia-test]').forEach((n) => n.remove());
  for (const key of Object.keys(localStorage)) if (key.startsWith('citopia:request:')) localStorage.removeItem(key);
}

/** Mounts <citopia-assistance-request> with `attributes` under <div lang>, and waits for its form. */
export async function mount(attributes: Record<string, string>, lang = 'en', wait = true): Promise<AssistanceRequest> {
  const wrapper = document.createElement('div');
  wrapper.lang = lang;
  wrapper.dataset.citopiaTest = '';
  const el = new AssistanceRequest();
  for (const [name, value] of Object.entries({ 'min-fill-seconds': '0', ...attributes })) el.setAttribute(name, value);
  wrapper.append(el);
  document.body.append(wrapper);
  if (wait) await formReady(el);
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: AssistanceRequest, selector: string) => el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: AssistanceRequest, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
export const text = (el: AssistanceRequest, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Focuses a control, then types into it with real key presses. */
export async function typeInto(el: AssistanceRequest, id: string, value: string): Promise<void> {
  const control = $(el, `#${CSS.escape(id)}`)!;
  control.focus();
  await type(value);
}

export const appear = (el: AssistanceRequest, selector: string, timeout = 8000) => until(() => $(el, selector), timeout, selector);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

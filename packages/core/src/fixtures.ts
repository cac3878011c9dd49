/**
 * The GOV.UK pattern: each component keeps ONE list of fixtures (its states and data variants).
 * The same list feeds its Storybook stories, its browser tests, its axe run in every locale and
 * colour scheme, and its docs. A fixture describes how to build the element, never what to assert.
 */
import { render, type TemplateResult } from 'lit';

export interface FixtureContext {
  /** Absolute URL of a file served by the test server or Storybook, from the repository root
   * (for example `packages/service-finder/fixtures/catalogue.json`). */
  url(pathFromRepoRoot: string): string;
  /** Base URL of a running local Open311 server, when the environment started one. */
  open311?: string;
}

export interface Fixture<E extends HTMLElement = HTMLElement> {
  /** Stable id, kebab-case: used for story ids, test names and docs anchors. */
  name: string;
  /** A short human title ("Catalogue fails to load"). */
  title: string;
  /** What state this shows and why it matters. */
  description?: string;
  /** Attributes set before the element is connected. `true` sets an empty attribute. */
  attributes?: Record<string, string | boolean>;
  /** Properties set before the element is connected. */
  properties?: Record<string, unknown>;
  /** Light-DOM content (our own markup, never data). */
  content?: TemplateResult;
  /** Runs before connection, with URLs of served files and servers. */
  setup?: (el: E, context: FixtureContext) => void | Promise<void>;
  /** Resolves once the state is reached (data loaded, error shown...). Default: updateComplete. */
  ready?: (el: E) => Promise<unknown>;
  /** Leave out of the axe sweep, with the reason (shown in the test output); avoid. */
  skipAxe?: string;
  /** Needs a service that only tests start (for example a failing server); stories skip it. */
  testOnly?: boolean;
}

export interface FixtureList<E extends HTMLElement = HTMLElement> {
  /** The custom element tag, for example `citopia-service-finder`. */
  tag: string;
  /** The component's title in stories and docs. */
  title: string;
  fixtures: Fixture<E>[];
}

/** Declares a component's fixture list (typed, one per component). */
export function defineFixtures<E extends HTMLElement>(list: FixtureList<E>): FixtureList<E> {
  const names = new Set<string>();
  for (const f of list.fixtures) {
    if (names.has(f.name)) throw new Error(`duplicate fixture name ${f.name} in ${list.tag}`);
    names.add(f.name);
  }
  return list;
}

/** A context that serves files from the current origin (tests and Storybook serve the repo root). */
export function originContext(base = '/', open311?: string): FixtureContext {
  const context: FixtureContext = { url: (path) => new URL(path.replace(/^\//, ''), new URL(base, location.href)).href };
  if (open311) context.open311 = open311;
  return context;
}

/** Builds the fixture's element (not yet connected). */
export async function createFixtureElement<E extends HTMLElement>(list: FixtureList<E>, fixture: Fixture<E>, context: FixtureContext): Promise<E> {
  const el = document.createElement(list.tag) as E;
  for (const [name, value] of Object.entries(fixture.attributes ?? {})) {
    if (value === true) el.setAttribute(name, '');
    else if (value !== false) el.setAttribute(name, value);
  }
  Object.assign(el, structuredCloneSafe(fixture.properties ?? {}));
  if (fixture.content) render(fixture.content, el);
  await fixture.setup?.(el, context);
  return el;
}

/** Waits until the fixture's state is reached. */
export async function fixtureReady<E extends HTMLElement>(el: E, fixture: Fixture<E>): Promise<void> {
  if (fixture.ready) await fixture.ready(el);
  else await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
}

/** Fixture data is cloned so that one test or story cannot mutate another's. */
function structuredCloneSafe(value: Record<string, unknown>): Record<string, unknown> {
  try {
    return structuredClone(value);
  } catch {
    return { ...value };
  }
}

/**
 * Resolves when `predicate` holds, polling every 10 ms (timers, not animation frames: a page in
 * the background gets no frames); rejects after `timeout` ms.
 */
export function until(predicate: () => unknown, timeout = 4000, what = 'condition'): Promise<void> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      let ok = false;
      try {
        ok = Boolean(predicate());
      } catch {
        ok = false;
      }
      if (ok) resolve();
      else if (performance.now() - start > timeout) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

let failingKeys = 0;

/**
 * A URL of the test server that fails, then recovers: the first `fails` requests of each file
 * under it answer 503 (only the file named `file`, when given), later ones serve `path` (from the
 * repository root). Each call makes a fresh key, so every mount starts with its failures.
 * Only the test server answers it (stories of fixtures that use it are test-only).
 */
export function failingFirst(path: string, fails = 1, file?: string): string {
  const key = `k${Date.now().toString(36)}${(failingKeys++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return `/__test/fail-first/${key}/${fails}${file ? `:${file}` : ''}/${path.replace(/^\//, '')}`;
}

/** Clicks what `selector` finds in `el`'s shadow root once it shows (a fixture's "Try again"). */
export async function clickWhenShown(el: HTMLElement, selector: string, timeout = 8000): Promise<void> {
  await until(() => el.shadowRoot?.querySelector(selector), timeout, selector);
  el.shadowRoot!.querySelector<HTMLElement>(selector)!.click();
}

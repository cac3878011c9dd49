/**
 * Server-side rendering of Citopia components (Node only), with @lit-labs/ssr.
 *
 * A component renders to declarative shadow DOM (`<template shadowrootmode="open">`), so the
 * browser shows its content before any JavaScript runs; when the page then loads
 * `@lit-labs/ssr-client/lit-element-hydrate-support.js` before the components, Lit hydrates
 * that DOM instead of rendering it again.
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { TemplateResult } from 'lit';
import { toSupportedLocale } from '@citopia/core';
import { ensureLocale, withLocale } from '@citopia/core/i18n';
import * as citopia from 'citopia';

export interface ComponentDescription {
  /** For example `citopia-service-finder`. */
  tag: string;
  /** Attributes, rendered into the HTML (escaped). `true` gives an empty attribute. */
  attributes?: Record<string, string | boolean>;
  /** Properties set on the element before it renders (data: a catalogue, a config...). */
  properties?: Record<string, unknown>;
  /** Light-DOM children (your own markup), for example the no-JavaScript fallback list. */
  content?: TemplateResult;
}

const TAG = /^citopia-[a-z0-9-]+$/;
const NAME = /^[a-z][a-z0-9-]*$/i;

/** A Lit template for one component, built from a description (names are validated). */
export function componentTemplate({ tag, attributes = {}, properties = {}, content }: ComponentDescription): TemplateResult {
  if (!TAG.test(tag)) throw new Error(`not a Citopia tag: ${tag}`);
  const strings: string[] = ['<', ''];
  const values: unknown[] = [unsafeStatic(tag)];
  const push = (text: string, value: unknown) => {
    strings[strings.length - 1] += text;
    values.push(value);
    strings.push('');
  };
  for (const [name, value] of Object.entries(attributes)) {
    if (!NAME.test(name)) throw new Error(`bad attribute name: ${name}`);
    if (value === false) continue;
    if (value === true) push(' ', unsafeStatic(name));
    else push(` ${name}=`, value);
  }
  for (const [name, value] of Object.entries(properties)) {
    if (!NAME.test(name)) throw new Error(`bad property name: ${name}`);
    push(` .${name}=`, value);
  }
  push('>', content ?? '');
  push('</', unsafeStatic(tag));
  strings[strings.length - 1] += '>';
  return staticHtml(strings as unknown as TemplateStringsArray, ...values);
}

/**
 * Renders a template (or a component description) to an HTML string with declarative shadow DOM,
 * in `lang`: the components' translations are loaded first, so the server output is already in
 * the page's language.
 */
export async function renderToString(what: TemplateResult | ComponentDescription, { lang = 'en' }: { lang?: string } = {}): Promise<string> {
  const template = 'tag' in what ? componentTemplate(what) : what;
  const locale = toSupportedLocale(lang);
  // A component whose render needs lazily loaded code (the finder's results) says so with a
  // static loadRenderCode(): the server renders in one synchronous pass, so it is loaded first.
  const renderCode = Object.values(citopia).map((c) => (typeof c === 'function' && 'loadRenderCode' in c ? (c as { loadRenderCode(): Promise<unknown> }).loadRenderCode() : undefined));
  await Promise.all([ensureLocale(locale), ...renderCode]);
  // The components read the language from the render context (no DOM ancestry on the server).
  return withLocale(locale, undefined, () => collectResultSync(render(template)));
}

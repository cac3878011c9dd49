/**
 * The generated React wrappers, mounted by React in Chromium: a property goes through (the
 * catalogue), and an event reaches its onCitopia… prop, after real key presses.
 */
import { expect } from '@open-wc/testing';
import React from 'react';
import { createRoot } from 'react-dom/client';
import { until } from '@citopia/core/fixtures';
import { type, deepActiveElement } from '@citopia/testing';
import { Services } from '../../../docs/snippets/react.js';
import { CitopiaOpenSourceBadge } from '../src/index.js';

describe('@citopia/react', function () {
  this.timeout(20_000);
  afterEach(() => document.body.replaceChildren());

  it('passes a property and delivers an event (the snippet in docs/frameworks.md)', async () => {
    const catalogue = await (await fetch('/packages/service-finder/fixtures/small.json')).json();
    const host = document.createElement('div');
    host.lang = 'fr';
    document.body.append(host);
    const counts: number[] = [];
    createRoot(host).render(React.createElement(Services, { catalogue, onSearch: (count: number) => counts.push(count) }));
    await until(() => host.querySelector('citopia-service-finder')?.shadowRoot?.querySelector('input[type="search"]'), 5000, 'the finder');
    const finder = host.querySelector('citopia-service-finder') as HTMLElement & { services: unknown };
    expect(finder.services, 'the prop is set as a property').to.equal(catalogue);
    finder.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!.focus();
    expect(deepActiveElement()?.localName).to.equal('input');
    await type('permis');
    await until(() => counts.length > 0, 5000, 'onCitopiaSearch');
    expect(counts.at(-1)).to.be.greaterThan(0);
  });

  it('renders a wrapper with attributes', async () => {
    const host = document.createElement('div');
    host.lang = 'en';
    document.body.append(host);
    createRoot(host).render(React.createElement(CitopiaOpenSourceBadge, { license: 'EUPL-1.2', repository: 'https://github.com/citopia/citopia' }));
    await until(() => host.querySelector('citopia-open-source-badge')?.shadowRoot?.textContent?.includes('EUPL-1.2'), 5000, 'the badge');
  });
});

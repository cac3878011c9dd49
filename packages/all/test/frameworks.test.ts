/**
 * The framework snippets of docs/frameworks.md, run for real in Chromium: Vue 3 (runtime template
 * compiler), Angular (JIT, zoneless, CUSTOM_ELEMENTS_SCHEMA), and the one-script-tag CMS page.
 * The React wrappers have their own test in packages/react.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '@angular/compiler';
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { until } from '@citopia/core/fixtures';
import { mountVueFooter } from '../../../docs/snippets/vue.js';
import { CityFooter } from '../../../docs/snippets/angular.js';

const badgeText = (root: ParentNode) => root.querySelector('citopia-open-source-badge')?.shadowRoot?.textContent ?? '';

describe('framework snippets (docs/frameworks.md)', function () {
  this.timeout(20_000);

  it('are the ones printed in docs/frameworks.md', async () => {
    const read = (path: string) => executeServerCommand<string, { path: string }>('citopia-read-text', { path });
    const doc = (await read('docs/frameworks.md'))!;
    for (const file of ['vue.ts', 'angular.ts', 'cms.html', 'react.tsx']) {
      const snippet = (await read(`docs/snippets/${file}`))!.trim();
      expect(doc.includes(snippet), `${file} is printed verbatim in frameworks.md`).to.equal(true);
    }
  });

  it('Vue 3 renders the badge with a bound attribute', async () => {
    const target = document.createElement('div');
    target.lang = 'en';
    document.body.append(target);
    const app = mountVueFooter(target);
    await until(() => badgeText(target).includes('EUPL-1.2'), 5000, 'the badge rendered by Vue');
    // Vue sets a known property rather than the attribute.
    expect((target.querySelector('citopia-open-source-badge') as HTMLElement & { license?: string }).license).to.equal('EUPL-1.2');
    app.unmount();
    target.remove();
  });

  it('Angular renders the badge with CUSTOM_ELEMENTS_SCHEMA', async () => {
    const host = document.createElement('city-footer');
    host.lang = 'en';
    document.body.append(host);
    const app = await bootstrapApplication(CityFooter, { providers: [provideZonelessChangeDetection()] });
    await until(() => badgeText(host).includes('EUPL-1.2'), 5000, 'the badge rendered by Angular');
    app.destroy();
    host.remove();
  });

  it('a CMS page needs one script tag and no build step', async () => {
    const snippet = await (await fetch('/docs/snippets/cms.html')).text();
    const frame = document.createElement('iframe');
    frame.title = 'CMS page';
    frame.srcdoc = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>CMS</title></head><body>${snippet}</body></html>`;
    document.body.append(frame);
    await until(() => frame.contentDocument && badgeText(frame.contentDocument).includes('EUPL-1.2'), 8000, 'the badge in the CMS page');
    frame.remove();
  });
});

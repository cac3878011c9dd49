/**
 * Hydration when Citopia's hydration chunk cannot be downloaded (the connection drops as the
 * scripts arrive): the element keeps the server's DOM, and what the person types into it, until
 * the browser is back online; then the chunk is asked for again, and the element hydrates and
 * takes what was typed. Chromium only: Firefox over WebDriver BiDi has no per-address offline
 * emulation (`citopia-network` says so, and the test is skipped there).
 */
// Must come before Lit is first loaded.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { until } from '@citopia/core/fixtures';
import { type } from '@citopia/testing';

type Hydrated = HTMLElement & { hasUpdated: boolean; updateComplete: Promise<unknown> };
// Its own endpoint: the request keeps its draft per endpoint, in a storage other test pages of
// this origin may see, and the draft typed here must not appear in their requests (nor theirs here).
const ENDPOINT = '/__test/status/503?hydrate-offline';

describe('server rendering when the hydration chunk cannot be downloaded', function () {
  this.timeout(30_000);

  it('keeps the server DOM and what is typed until the browser is back online, then hydrates with it', async function () {
    const html = await executeServerCommand<string, object>('citopia-ssr-render', {
      pkg: 'assistance-request',
      fixture: 'json-adapter-no-services',
      lang: 'fr',
      properties: {},
      attributes: { endpoint: ENDPOINT },
    });
    const host = document.createElement('div');
    host.lang = 'fr';
    host.setHTMLUnsafe(html!); // our own server's output, declarative shadow DOM included
    document.body.append(host);
    const el = host.querySelector('citopia-assistance-request') as unknown as Hydrated;
    const field = () => el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[name="description"]')!;
    const count = () => el.shadowRoot!.querySelector('.count')!.textContent;
    const serverCount = count();

    const offline = (await executeServerCommand('citopia-network', { offline: true, urlPattern: `${location.origin}/packages/core/src/hydration*` })) as { supported: boolean };
    if (!offline.supported) this.skip();
    try {
      field().focus();
      await type('Lampadaire');
      await import('citopia');
      await until(() => customElements.get('citopia-assistance-request'), 5000, 'the request defined');
      await new Promise((r) => setTimeout(r, 300));
      expect(el.hasUpdated, 'its first update waits for the hydration chunk').to.equal(false);
      await type(' en panne');
      expect(field().value, 'the server DOM takes what is typed meanwhile').to.equal('Lampadaire en panne');
    } finally {
      await executeServerCommand('citopia-network', { offline: false });
    }
    await until(() => el.hasUpdated, 10_000, 'hydrated once back online');
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(field().value, 'what was typed is kept').to.equal('Lampadaire en panne');
    // The server rendered the character count of an empty description: it changes only if the
    // component's own input handler received the text.
    expect(count(), 'the component took what was typed').not.to.equal(serverCount);
    expect(el.shadowRoot!.querySelectorAll('textarea[name="description"]').length, 'hydrated, not rendered twice').to.equal(1);
    host.remove();
    localStorage.removeItem(`citopia:request:draft:json:${ENDPOINT}`);
  });
});

/**
 * The negative control: proves the axe helper is live inside shadow DOM, so no component's axe
 * sweep can pass vacuously. A deliberately broken component must FAIL the helper.
 */
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { CitopiaElement, defineElement } from '../src/index.js';
import { expectAccessible, runAxe } from '@citopia/testing';

class BrokenOnPurpose extends CitopiaElement {
  override render() {
    // Violations hidden in the shadow root: an unlabelled input, an image without alt, an
    // empty button, and text with a contrast ratio near 1:1.
    return html`<input type="text" /><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" />
      <button></button><p style="color:#eee;background:#fff">faint</p>`;
  }
}
defineElement('citopia-test-broken', BrokenOnPurpose);

class FineOnPurpose extends CitopiaElement {
  override render() {
    return html`<label for="q">Search</label><input id="q" type="search" /><button>Go</button>`;
  }
}
defineElement('citopia-test-fine', FineOnPurpose);

describe('axe harness (negative control)', () => {
  afterEach(() => document.body.replaceChildren());

  it('fails on real violations inside a shadow root', async () => {
    const el = document.createElement('citopia-test-broken');
    document.body.append(el);
    await (el as CitopiaElement).updateComplete;
    const results = await runAxe(el);
    const ids = results.violations.map((v) => v.id).sort();
    expect(ids).to.include.members(['button-name', 'color-contrast', 'image-alt', 'label']);
    let failure: Error | undefined;
    try {
      await expectAccessible(el);
    } catch (error) {
      failure = error as Error;
    }
    expect(failure, 'expectAccessible must reject a broken component').to.be.instanceOf(Error);
    expect(failure!.message).to.contain('image-alt');
  });

  it('passes a correct component (the helper is not simply always failing)', async () => {
    const el = document.createElement('citopia-test-fine');
    document.body.append(el);
    await (el as CitopiaElement).updateComplete;
    const results = await expectAccessible(el);
    expect(results.passes.length + results.violations.length + results.incomplete.length).to.be.greaterThan(0);
  });
});

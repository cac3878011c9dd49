/**
 * What the first view downloads. This file runs in a page of its own, so the finder's lazily
 * loaded chunks are not in memory when it starts: the categories to browse need neither the
 * search nor the results' templates; someone coming near the finder asks for them before the
 * first key press; a finder whose first view shows results waits for them rather than showing
 * "loading" first (nothing flashes, nothing moves).
 */
import { expect } from '@open-wc/testing';
import { until } from '@citopia/testing';
import '../src/index.js';
import type { ServiceFinder } from '../src/index.js';

const CITY = '/packages/service-finder/fixtures/ville-de-demo.json';
const $ = (el: ServiceFinder, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
/** The results' chunks this page asked for so far (resource timing sees every module request). */
const resultChunks = () => performance.getEntriesByType('resource').filter((e) => /\/(search-index|result-view|channels)\.[jt]s/.test(e.name)).length;

function mount(setup: (el: ServiceFinder) => void) {
  const wrapper = document.createElement('div');
  wrapper.lang = 'fr';
  const el = document.createElement('citopia-service-finder');
  setup(el);
  wrapper.append(el);
  document.body.append(wrapper);
  return { el, wrapper };
}

describe('<citopia-service-finder>: what the first view loads', function () {
  this.timeout(20_000);

  it('shows the categories to browse without the search or the results’ code, and asks for it when the field gets the focus', async () => {
    const { el, wrapper } = mount((e) => (e.src = CITY));
    await until(() => $(el, '.categories'), 8000, 'the categories');
    await new Promise((r) => setTimeout(r, 300));
    expect(resultChunks(), 'no results’ chunk for the categories').to.equal(0);
    const field = el.shadowRoot!.querySelector<HTMLInputElement>('#q')!;
    const focusins: string[] = [];
    el.addEventListener('focusin', () => focusins.push(`focusin at ${Math.round(performance.now())} ms`));
    field.focus();
    await until(() => resultChunks() >= 2, 5000, 'the results’ chunks, asked for at the focus').catch((error: Error) => {
      // A hang guard only (the chunks come in well under a second). Should it ever trip, say what
      // the page saw, so the cause can be told apart: no focus, no request, or a request unanswered.
      const seen = performance.getEntriesByType('resource').filter((e) => /search|result|channels/.test(e.name));
      const state = el as unknown as { resultsError?: unknown };
      throw new Error(
        `${error.message}. Focus: ${document.hasFocus() ? 'page focused' : 'page NOT focused'}, active: ${el.shadowRoot!.activeElement?.id ?? 'none'}, ${focusins.join(', ') || 'no focusin'}; now ${Math.round(performance.now())} ms; ` +
          `chunks seen: ${seen.map((e) => `${e.name.replace(location.origin, '')} (start ${Math.round(e.startTime)} ms, ${Math.round(e.duration)} ms)`).join('; ') || 'none'}; results error: ${String(state.resultsError ?? 'none')}`,
      );
    });
    wrapper.remove();
  });

  it('renders a first view with results at once, without a loading message before them', async () => {
    const services = await (await fetch(CITY)).json();
    const renders: string[] = [];
    const { el, wrapper } = mount((e) => {
      e.services = services;
      e.query = 'permis de construire';
    });
    // Every state the shadow root goes through, from the first render on.
    const observer = new MutationObserver(() => renders.push(el.shadowRoot!.querySelector('#results')?.textContent ?? ''));
    observer.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
    await el.updateComplete;
    observer.disconnect();
    expect(el.shadowRoot!.querySelectorAll('.result').length).to.be.greaterThan(0);
    expect(renders.filter((t) => /Chargement/.test(t)), 'no loading message').to.deep.equal([]);
    wrapper.remove();
  });
});

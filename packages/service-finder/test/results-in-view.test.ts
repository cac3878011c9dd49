/**
 * A key press paints the results in view in its first frame and those below the fold in the
 * next: about 30 elements a result, and a whole new list on the first letter of a word, do not
 * fit in one frame at 10,000 services (`npm run bench` measures it). Nothing in view may wait,
 * the results that stay keep their elements, and `updateComplete` waits for the whole list.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { type, until } from '@citopia/testing';
import '../src/index.js';
import type { ServiceFinder } from '../src/index.js';
import { generateCatalogue } from '../src/huge-catalogue.js';

const CITY = '/packages/service-finder/fixtures/ville-de-demo.json';
const results = (el: ServiceFinder) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.result')];

/** The results in the DOM when the frame after the next key press is drawn (read in its animation frame). */
function firstFrameOfNextKey(el: ServiceFinder): Promise<HTMLElement[]> {
  return new Promise((resolve) => {
    el.addEventListener('keydown', () => requestAnimationFrame(() => resolve(results(el))), { once: true });
  });
}

describe('<citopia-service-finder>: the results in view first', function () {
  this.timeout(20_000);
  let el: ServiceFinder;

  beforeEach(async () => {
    await setViewport({ width: 800, height: 600 });
    const base = await (await fetch(CITY)).json();
    const wrapper = document.createElement('div');
    wrapper.lang = 'fr';
    el = document.createElement('citopia-service-finder');
    el.services = generateCatalogue(base, 300);
    wrapper.append(el);
    document.body.append(wrapper);
    await until(() => el.shadowRoot!.querySelector('#results[aria-busy="false"]'), 8000, 'the catalogue');
    el.shadowRoot!.querySelector<HTMLInputElement>('#q')!.focus();
    await (el.constructor as typeof ServiceFinder).loadRenderCode();
  });
  afterEach(async () => {
    el.parentElement!.remove();
    await setViewport({ width: 800, height: 600 });
  });

  it('paints every result in view in the key press’s first frame, the new ones below the fold in the next (real keys)', async () => {
    await type('per');
    await el.updateComplete;
    expect(results(el).length, 'a full page of results').to.equal(10);

    const firstFrame = firstFrameOfNextKey(el);
    await type('m');
    const inFrame = await firstFrame;
    await el.updateComplete;
    const after = results(el);
    expect(after.length, 'updateComplete waits for the whole list').to.equal(10);
    const putOff = after.filter((node) => !inFrame.includes(node));
    expect(putOff.length, 'the key press put some results off').to.be.at.least(1);
    expect(inFrame.length, 'the results in view came at once').to.be.at.least(3);
    // What the first frame held stays, in the same order, as the same elements.
    expect(after.filter((node) => inFrame.includes(node)).length).to.equal(inFrame.length);
    // Nothing that was put off is in view.
    const tops = putOff.map((node) => node.getBoundingClientRect().top);
    expect(Math.min(...tops), 'the results put off start below the window').to.be.at.least(innerHeight);
  });

  it('keeps every result that stays as it is in the first frame, below the fold too (the list never shrinks under the reader)', async () => {
    // "perm" lists Perma culture and Permis A to I; "permi" drops Perma culture and brings Permis J
    // in at the end: the results in between stay, some of them below the fold.
    const names = ['Perma culture', ...Array.from({ length: 19 }, (_, i) => `Permis ${String.fromCharCode(65 + i)}`)];
    el.services = { services: names.map((name, i) => ({ id: `s${i}`, name: { fr: name }, summary: { fr: 'Un service de la Ville, pour tout le monde.' }, url: `https://example.org/${i}` })) } as never;
    await until(() => el.shadowRoot!.querySelector('#results[aria-busy="false"]'), 8000, 'the catalogue');
    await type('perm');
    await el.updateComplete;
    const before = results(el);
    expect(before.at(-1)!.getBoundingClientRect().top, 'the list goes below the window').to.be.greaterThan(innerHeight);
    const firstFrame = firstFrameOfNextKey(el);
    await type('i');
    const inFrame = await firstFrame;
    await el.updateComplete;
    const names$ = (nodes: HTMLElement[]) => nodes.map((node) => node.querySelector('[part~="result-link"]')!.textContent!.trim());
    expect(names$(results(el)).at(-1), 'a new result below the fold').to.equal('Permis J');
    const stayed = names$(before).slice(1);
    expect(names$(inFrame).slice(0, stayed.length), 'every result that stays is there in the first frame').to.deep.equal(stayed);
    expect(results(el).slice(0, stayed.length).every((node, i) => node === before[i + 1]), 'as the same elements').to.equal(true);
  });

  it('leaves no timer or animation frame behind when it leaves the page while results wait below the fold', async () => {
    await type('per');
    await el.updateComplete;
    // The timers and frames asked for from now on, until they run or are cancelled.
    const timers = new Set<number>();
    const frames = new Set<number>();
    const own = { setTimeout, clearTimeout, requestAnimationFrame, cancelAnimationFrame };
    const call = { setTimeout: window.setTimeout.bind(window), clearTimeout: window.clearTimeout.bind(window), requestAnimationFrame: window.requestAnimationFrame.bind(window), cancelAnimationFrame: window.cancelAnimationFrame.bind(window) };
    Object.assign(window, {
      setTimeout: (fn: () => void, ms?: number) => {
        const id: number = call.setTimeout(() => (timers.delete(id), fn()), ms);
        return timers.add(id), id;
      },
      clearTimeout: (id: number) => (timers.delete(id), call.clearTimeout(id)),
      requestAnimationFrame: (fn: FrameRequestCallback) => {
        const id = call.requestAnimationFrame((t) => (frames.delete(id), fn(t)));
        return frames.add(id), id;
      },
      cancelAnimationFrame: (id: number) => (frames.delete(id), call.cancelAnimationFrame(id)),
    });
    try {
      // A key press's input (its update runs in microtasks, before any frame or timer).
      const q = el.shadowRoot!.querySelector<HTMLInputElement>('#q')!;
      q.value = 'perm';
      q.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      for (let i = 0; i < 20 && !frames.size; i++) await Promise.resolve();
      expect(frames.size, 'the results below the fold wait for a frame').to.equal(1);
      el.parentElement!.remove();
      expect({ timers: [...timers], frames: [...frames] }, 'nothing waits once the finder left').to.deep.equal({ timers: [], frames: [] });
    } finally {
      Object.assign(window, own);
      document.body.append(el.parentElement!);
    }
  });

  it('keeps the results that stay: a key press that changes no result puts nothing off', async () => {
    await type('permis');
    await el.updateComplete;
    const before = results(el);
    const firstFrame = firstFrameOfNextKey(el);
    await type(' ');
    const inFrame = await firstFrame;
    expect(inFrame.length).to.equal(10);
    expect(inFrame.every((node, i) => node === before[i]), 'the same elements').to.equal(true);
  });

  it('renders the whole list at once when the query is set, not typed', async () => {
    el.query = 'permis';
    await el.updateComplete;
    expect(results(el).length).to.equal(10);
    // Set again: the render of that update already holds the whole list.
    let atFrame = 0;
    el.query = 'perm';
    const frame = new Promise<void>((resolve) => requestAnimationFrame(() => ((atFrame = results(el).length), resolve())));
    await frame;
    expect(atFrame).to.equal(10);
  });

  it('puts off nothing when the window holds every result', async () => {
    await setViewport({ width: 800, height: 4000 });
    await type('per');
    await el.updateComplete;
    const firstFrame = firstFrameOfNextKey(el);
    await type('m');
    expect((await firstFrame).length).to.equal(10);
  });
});

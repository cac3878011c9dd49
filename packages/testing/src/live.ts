/** What live regions in a shadow root say: to check that a change is announced once, not twice. */
const LIVE = '[role="alert"], [role="status"], [role="log"], [aria-live="polite"], [aria-live="assertive"]';

/** The live regions in `root` whose text contains `text` (spaces collapsed). */
export function liveRegionsSaying(root: ParentNode, text: string): Element[] {
  const wanted = text.replace(/\s+/g, ' ').trim();
  return [...root.querySelectorAll(LIVE)].filter((region) => (region.textContent ?? '').replace(/\s+/g, ' ').includes(wanted));
}

/** One animation frame (or a short timer in a page without frames): lets a focus move settle. */
export const settle = () => new Promise<void>((resolve) => {
  const timer = setTimeout(resolve, 50);
  requestAnimationFrame(() => (clearTimeout(timer), resolve()));
});

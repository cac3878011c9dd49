/**
 * Language resolution across shadow roots (the GC Design System approach): the closest `[lang]`
 * ancestor wins, the search climbs out of each shadow root through its host, and `<html lang>`
 * is the last resort. One MutationObserver per root watches `lang` changes for every element.
 */

/**
 * What `read` finds on the closest element matching `selector` from `start` up (itself included),
 * climbing out of each shadow root through its host; an element where `read` finds nothing is
 * passed over. The language and the reading mode are both inherited this way.
 */
export function closestAcross<T>(start: Element | null, selector: string, read: (el: Element) => T | undefined): T | undefined {
  let node = start;
  while (node) {
    const found: Element | null = node.closest(selector);
    const value = found ? read(found) : undefined;
    if (value !== undefined) return value;
    // Nothing (more) in this root: on from the match's parent, else from the host.
    node = found?.parentElement ?? hostOf(node);
  }
  return undefined;
}

/** The shadow host of the root `el` is in (null in the document). */
export function hostOf(el: Element): Element | null {
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The language of the closest `[lang]` ancestor of `el` (itself included), crossing shadow roots. */
export function resolveLanguage(el: Element): string {
  // lang="" means "unknown": keep climbing.
  return closestAcross(el, '[lang]', (e) => e.getAttribute('lang')!.trim() || undefined) ?? (document.documentElement.lang.trim() || 'en');
}

type LanguageListener = () => void;
const listeners = new Map<Element, LanguageListener>();
let observer: MutationObserver | undefined;

/**
 * Calls `onChange` whenever any `lang` attribute above `el` may have changed. Returns the
 * function that stops watching (call it on disconnect: no listener outlives its element).
 */
export function watchLanguage(el: Element, onChange: LanguageListener): () => void {
  observer ??= new MutationObserver(() => {
    for (const listener of listeners.values()) listener();
  });
  // Every root between `el` and the document (observing a root again changes nothing).
  for (let host: Element | null = el; host; host = hostOf(host)) observer.observe(host.getRootNode(), { attributes: true, attributeFilter: ['lang'], subtree: true });
  listeners.set(el, onChange);
  return () => listeners.delete(el);
}

/** How many elements are watching; tests use it to prove disconnect cleans up. */
export function languageWatcherCount(): number {
  return listeners.size;
}

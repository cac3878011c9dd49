/**
 * Language resolution across shadow roots (the GC Design System approach): the closest `[lang]`
 * ancestor wins, the search climbs out of each shadow root through its host, and `<html lang>`
 * is the last resort. One MutationObserver per root watches `lang` changes for every element.
 */

/** The language of the closest `[lang]` ancestor of `el` (itself included), crossing shadow roots. */
export function resolveLanguage(el: Element): string {
  let node: Element | null = el;
  while (node) {
    const withLang: Element | null = node.closest('[lang]');
    if (withLang) {
      const lang = withLang.getAttribute('lang')?.trim();
      if (lang) return lang;
      // lang="" means "unknown": keep climbing from its parent.
      node = withLang.parentElement ?? hostOf(withLang);
      continue;
    }
    node = hostOf(node);
  }
  return document.documentElement.lang?.trim() || 'en';
}

function hostOf(el: Element): Element | null {
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** Every root (document or shadow root) between `el` and the document. */
function rootsAbove(el: Element): Node[] {
  const roots: Node[] = [];
  let root = el.getRootNode();
  while (root instanceof ShadowRoot) {
    roots.push(root);
    root = root.host.getRootNode();
  }
  roots.push(root);
  return roots;
}

type LanguageListener = () => void;
const listeners = new Map<Element, LanguageListener>();
const observedRoots = new WeakSet<Node>();
let observer: MutationObserver | undefined;

/**
 * Calls `onChange` whenever any `lang` attribute above `el` may have changed. Returns the
 * function that stops watching (call it on disconnect: no listener outlives its element).
 */
export function watchLanguage(el: Element, onChange: LanguageListener): () => void {
  observer ??= new MutationObserver(() => {
    for (const listener of listeners.values()) listener();
  });
  for (const root of rootsAbove(el)) {
    if (observedRoots.has(root)) continue;
    observedRoots.add(root);
    observer.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  listeners.set(el, onChange);
  return () => {
    listeners.delete(el);
  };
}

/** How many elements are watching; tests use it to prove disconnect cleans up. */
export function languageWatcherCount(): number {
  return listeners.size;
}

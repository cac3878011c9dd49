let warned = false;

/**
 * Defines a custom element unless the tag already exists (two Citopia bundles on one page, or a
 * hot reload). Warns once (per copy of Citopia) instead of throwing: the second bundle does no harm.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return; // server rendering without a DOM shim: nothing to define
  const existing = registry.get(tag);
  if (!existing) {
    registry.define(tag, ctor);
    return;
  }
  if (existing !== ctor && !warned) {
    warned = true;
    console.warn(`[citopia] <${tag}> is already defined (by a second copy of Citopia?): the first one stays.`);
  }
}

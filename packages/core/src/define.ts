const warned = new Set<string>();

/**
 * Defines a custom element unless the tag already exists (two Citopia bundles on one page, or a
 * hot reload). Warns once per tag instead of throwing, so the second bundle does no harm.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return; // server rendering without a DOM shim: nothing to define
  const existing = registry.get(tag);
  if (!existing) {
    registry.define(tag, ctor);
    return;
  }
  if (existing !== ctor && !warned.has(tag)) {
    warned.add(tag);
    console.warn(`[citopia] <${tag}> is already defined, probably by a second copy of Citopia; keeping the first.`);
  }
}

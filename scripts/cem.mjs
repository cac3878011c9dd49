// Reads the merged custom-elements.json (written by scripts/manifest.mjs) into a simple list of
// components for the generators (React wrappers, IDE data, API docs).
import { readFileSync } from 'node:fs';

export function readComponents(file = 'custom-elements.json') {
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  const components = [];
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      const pkg = mod.path.split('/')[1];
      components.push({
        pkg,
        packageName: `@citopia/${pkg}`,
        modulePath: mod.path,
        className: d.name,
        tagName: d.tagName,
        summary: d.summary ?? '',
        description: d.description ?? '',
        attributes: (d.attributes ?? []).filter((a) => !a.name.startsWith('_')),
        properties: (d.members ?? []).filter((m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('_')),
        methods: (d.members ?? []).filter((m) => m.kind === 'method' && !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('_') && !['render', 'connectedCallback', 'disconnectedCallback', 'updated', 'firstUpdated', 'willUpdate'].includes(m.name)),
        events: (d.events ?? []).filter((e) => e.name),
        slots: d.slots ?? [],
        cssParts: d.cssParts ?? [],
        cssProperties: d.cssProperties ?? [],
      });
    }
  }
  return components.sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** citopia-service-select -> onCitopiaServiceSelect */
export const reactEventName = (event) => `on${event.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase())}`;
/** citopia-service-finder -> CitopiaServiceFinder */
export const pascal = (tag) => tag.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());

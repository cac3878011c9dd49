// Vue 3: tell the template compiler that <citopia-*> tags are custom elements, then use them
// like any element: attributes with :attr, properties with .prop, events with @citopia-*.
// With Vite, put the same function in vite.config: vue({ template: { compilerOptions: { isCustomElement } } }).
import { createApp } from 'vue/dist/vue.esm-browser.js';
import 'citopia';

export function mountVueFooter(target: Element) {
  const app = createApp({
    data: () => ({ license: 'EUPL-1.2' }),
    template: `<footer><citopia-open-source-badge :license="license" repository="https://github.com/citopia/citopia"></citopia-open-source-badge></footer>`,
  });
  app.config.compilerOptions.isCustomElement = (tag: string) => tag.startsWith('citopia-');
  app.mount(target);
  return app;
}

import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import '../packages/all/themes/rouge-et-jaune.css';
import '../packages/all/themes/vert.css';

// Autodocs (attributes, properties, events, slots, parts, CSS properties) come from the
// manifest that the JSDoc on each component class produces.
setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    // Every story is checked by axe with the WCAG 2.x A/AA rules; a violation fails the story.
    a11y: { test: 'error', options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } } },
    controls: { expanded: true },
  },
  globalTypes: {
    locale: {
      description: 'Language of the components (their closest [lang])',
      toolbar: { title: 'Language', icon: 'globe', items: [{ value: 'fr', title: 'Français' }, { value: 'de', title: 'Deutsch' }, { value: 'it', title: 'Italiano' }, { value: 'en', title: 'English' }, { value: 'ar', title: 'العربية' }], dynamicTitle: true },
    },
    scheme: {
      description: 'Colour scheme',
      toolbar: { title: 'Scheme', icon: 'contrast', items: [{ value: 'light dark', title: 'System' }, { value: 'light', title: 'Light' }, { value: 'dark', title: 'Dark' }], dynamicTitle: true },
    },
    dir: {
      description: 'Text direction (Arabic is right-to-left on its own)',
      toolbar: { title: 'Direction', icon: 'transfer', items: [{ value: 'auto', title: 'From language' }, { value: 'ltr', title: 'LTR' }, { value: 'rtl', title: 'RTL' }], dynamicTitle: true },
    },
    reading: {
      description: 'Reading mode (data-citopia-reading on the wrapper; a story with its own reading attribute keeps it)',
      toolbar: { title: 'Reading', icon: 'book', items: [{ value: 'auto', title: 'Person’s choice' }, { value: 'standard', title: 'Standard' }, { value: 'easy', title: 'Easy to read' }], dynamicTitle: true },
    },
    theme: {
      description: 'City theme (only --citopia-* custom properties and ::part)',
      toolbar: { title: 'Theme', icon: 'paintbrush', items: [{ value: 'default', title: 'Default' }, { value: 'rouge-et-jaune', title: 'Rouge et jaune' }, { value: 'vert', title: 'Vert' }], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'fr', scheme: 'light dark', dir: 'auto', reading: 'auto', theme: 'default' },
  decorators: [
    (story, context) => {
      const { locale, scheme, dir, theme, reading } = context.globals as Record<string, string>;
      const wrapper = document.createElement('div');
      wrapper.lang = locale ?? 'fr';
      if (reading === 'easy' || reading === 'standard') wrapper.dataset.citopiaReading = reading;
      if (dir && dir !== 'auto') wrapper.dir = dir;
      else if (locale === 'ar') wrapper.dir = 'rtl';
      wrapper.style.setProperty('--citopia-color-scheme', scheme ?? 'light dark');
      wrapper.style.setProperty('color-scheme', scheme ?? 'light dark');
      wrapper.className = `citopia-theme-${theme ?? 'default'}`;
      const content = story();
      if (content instanceof Node) wrapper.append(content);
      return wrapper;
    },
  ],
};
export default preview;

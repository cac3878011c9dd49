/**
 * The first update of an element that arrived with server-rendered (declarative) shadow DOM.
 * `CitopiaElement` asks for this module with import() when such an element connects (with the
 * catalogue), and only then: pages rendered in the browser never download it.
 */
import { render, type RenderOptions } from 'lit';

/** The parts of a CitopiaElement this module works with (protected there). */
export interface Hydrating extends HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly renderOptions: RenderOptions;
  readonly easyReading: boolean;
  readonly updateComplete: Promise<boolean>;
  render(): unknown;
}

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
interface Edit {
  id: string;
  value: string;
  checked: boolean;
}

const isToggle = (field: Element): field is HTMLInputElement => field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio');

/** What the person changed in server-rendered fields before the scripts arrived. */
function editedFields(root: ParentNode): Edit[] {
  const edits = [];
  for (const field of root.querySelectorAll<Field>('input[id], textarea[id], select[id]')) {
    const toggle = isToggle(field);
    const edited =
      field instanceof HTMLSelectElement
        ? [...field.options].some((o) => o.selected !== o.defaultSelected)
        : toggle
          ? field.checked !== field.defaultChecked
          : field.value !== field.defaultValue;
    if (edited) edits.push({ id: field.id, value: field.value, checked: toggle && field.checked });
  }
  return edits;
}

/**
 * Renders into an emptied root, forgetting what lit-html (or hydration) put there. The
 * server's `<style>` stays: a hydrated root has no adopted style sheets.
 */
function renderFresh(el: Hydrating): void {
  const root = el.renderRoot as Hydrating['renderRoot'] & { _$litPart$?: unknown };
  root._$litPart$ = undefined; // lit-html's record of what it rendered into this root
  for (const node of [...root.childNodes]) if (!(node instanceof HTMLStyleElement)) node.remove();
  render(el.render(), root as HTMLElement, el.renderOptions);
}

/**
 * The element's first update, `update` being LitElement's (which hydrates the server's DOM).
 * Once it is complete, what the person typed or chose before the scripts arrived is put back
 * and handed to the component's own handlers, as if typed now, so that nothing is lost
 * (hydration leaves the component's state as the server rendered it).
 */
export function hydrate(el: Hydrating, update: () => void): void {
  const edits = editedFields(el.renderRoot);
  try {
    update();
    // Hydration adopted the server's text, which is standard wording (easy-to-read catalogues
    // are not loaded on the server): a person reading in easy-to-read language gets a fresh render.
    if (el.easyReading) renderFresh(el);
  } catch (error) {
    // Server DOM that does not match the first client render (the server lacked data or code the
    // browser has) cannot be hydrated: start clean rather than show a broken mix.
    if (!(error instanceof Error) || !error.message.startsWith('Hydration')) throw error;
    console.warn(`[citopia] <${el.localName}> could not hydrate the server's rendering; rendering it again.`, error.message);
    renderFresh(el);
  }
  // Not during this update: what the handlers change would be lost with the update's changes.
  void el.updateComplete.then(() => {
    for (const edit of edits) {
      const field = el.renderRoot.querySelector<Field>(`#${CSS.escape(edit.id)}`);
      if (!field) continue;
      if (isToggle(field)) field.checked = edit.checked;
      else field.value = edit.value;
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
}

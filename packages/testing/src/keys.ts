/** Real key presses through the browser's input pipeline (CDP), never synthetic events. */
import { sendKeys } from '@web/test-runner-commands';

export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}
export async function type(text: string): Promise<void> {
  await sendKeys({ type: text });
}
export async function tab(times = 1, shift = false): Promise<void> {
  for (let i = 0; i < times; i++) await sendKeys({ press: shift ? 'Shift+Tab' : 'Tab' });
}

/** The deepest focused element, looking through shadow roots. */
export function deepActiveElement(root: Document | ShadowRoot = document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Real key presses through the browser's input pipeline (CDP), never synthetic events. */
import { sendKeys } from '@web/test-runner-commands';

export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}
export async function type(text: string): Promise<void> {
  await sendKeys({ type: text });
}
export async function tab(times = 1, shift = false): Promise<void> {
  // Key combinations are a key held down around another press (the driver has no "Shift+Tab").
  if (shift) await sendKeys({ down: 'Shift' });
  try {
    for (let i = 0; i < times; i++) await sendKeys({ press: 'Tab' });
  } finally {
    if (shift) await sendKeys({ up: 'Shift' });
  }
}

/** Presses `key` with `modifier` held (for example Shift and Tab, Control and Enter). */
export async function pressWith(modifier: 'Shift' | 'Control' | 'Alt' | 'Meta', key: string): Promise<void> {
  await sendKeys({ down: modifier });
  try {
    await sendKeys({ press: key });
  } finally {
    await sendKeys({ up: modifier });
  }
}

/** The deepest focused element, looking through shadow roots. */
export function deepActiveElement(root: Document | ShadowRoot = document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Helpers of the screen-reader walks (this package's and the assistance request's) for what the
 * harness in @citopia/testing does not do yet; both could move there.
 */
import type { Reader } from '@citopia/testing';
/**
 * What the screen-reader harness does not do yet for a component's shadow root: the virtual screen
 * reader reads a checkbox's or radio's state from its `checked` attribute, while Lit and the
 * person change the `checked` property. While a walk runs, the attribute follows the property:
 * before a focus is reported (capture phase: an arrow key in a radio group checks, then focuses),
 * after a change, and when the root re-renders. Returns the undo.
 */
export function mirrorCheckedState(root: ShadowRoot): () => void {
  const mirror = () => {
    for (const input of root.querySelectorAll<HTMLInputElement>('input[type=checkbox], input[type=radio]')) {
      if (input.hasAttribute('checked') !== input.checked) input.toggleAttribute('checked', input.checked);
    }
  };
  const observer = new MutationObserver(mirror);
  observer.observe(root, { childList: true, subtree: true });
  root.addEventListener('focusin', mirror, true);
  root.addEventListener('change', mirror, true);
  mirror();
  return () => {
    observer.disconnect();
    root.removeEventListener('focusin', mirror, true);
    root.removeEventListener('change', mirror, true);
  };
}

/**
 * The harness works out a phrase's language when the transcript is asked for, at the end of the
 * walk: by then an element that was replaced (the banner after a choice, the questions of another
 * service) is out of the page and has no language. This keeps each line as it reads right after
 * the step that spoke it (`mark` may add to a line then). Returns the transcript to use instead of
 * `reader.transcript(locale)`.
 */
export function keepLanguages(reader: Reader, locale: string, mark: (node: Node | null, line: string) => string = (_node, line) => line): () => string[] {
  let lines: string[] = [];
  const snapshot = () => {
    const now = reader.transcript(locale);
    const spoken = reader.spoken();
    if (now.length < lines.length) lines = [];
    for (let i = lines.length; i < now.length; i++) lines[i] = mark(spoken[i]?.node ?? null, now[i]!);
  };
  const methods = ['next', 'previous', 'nextHeading', 'nextFormField', 'nextLandmark', 'activate', 'type', 'press', 'readUntil', 'waitForAnnouncement', 'clear'] as const;
  for (const name of methods) {
    const original = reader[name] as (...args: unknown[]) => Promise<unknown>;
    (reader as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      try {
        return await original.apply(reader, args);
      } finally {
        snapshot();
      }
    };
  }
  return () => {
    snapshot();
    return [...lines];
  };
}

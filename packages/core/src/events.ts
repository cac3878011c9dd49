/**
 * Every Citopia event, by name, with its `detail`. Component packages add theirs through
 * declaration merging:
 *
 * ```ts
 * declare module '@citopia/core' {
 *   interface CitopiaEventMap { 'citopia-service-select': { service: Service } }
 * }
 * ```
 */
export interface CitopiaEventMap {
  /** The person chose easy-to-read or standard language (any component's toggle, or the page's). */
  'citopia-reading-change': { reading: 'easy' | 'standard' };
}

export type CitopiaEventName = keyof CitopiaEventMap & string;

export interface EmitOptions {
  /** Lets listeners call `preventDefault()` to stop the component's default action. */
  cancelable?: boolean;
}

/**
 * Dispatches a bubbling, composed CustomEvent from `target`. Returns true when a listener
 * cancelled it (only possible with `cancelable: true`).
 */
export function emitEvent<K extends CitopiaEventName>(
  target: EventTarget,
  name: K,
  detail: CitopiaEventMap[K],
  options?: EmitOptions,
): boolean {
  return !target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: !!options?.cancelable }));
}

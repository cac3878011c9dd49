/**
 * Shared by the hostile-input, unsafe-URL and malformed-data tests: counting uncaught errors,
 * mounting one element per component, and comparing what a component built from data against
 * what it builds from a benign text.
 */
import { dangerousNodes, deepElements, until } from '@citopia/testing';

/** Counts uncaught exceptions and unhandled rejections on the page until `stop()`. */
export function watchErrors(): { readonly count: number; readonly messages: string[]; stop(): void } {
  const messages: string[] = [];
  const onError = (e: ErrorEvent) => messages.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => messages.push(`unhandled rejection: ${String((e.reason as Error)?.message ?? e.reason)}`);
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  return {
    get count() {
      return messages.length;
    },
    messages,
    stop() {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Creates `tag` under a `<div lang>` marked for clean-up; `prepare` runs before it is connected. */
export function mountIn<E extends HTMLElement>(tag: string, lang: string, prepare?: (el: E) => void): { el: E; wrapper: HTMLDivElement } {
  const wrapper = document.createElement('div');
  wrapper.lang = lang;
  wrapper.dataset.citopiaTest = '';
  const el = document.createElement(tag) as E;
  prepare?.(el);
  wrapper.append(el);
  document.body.append(wrapper);
  return { el, wrapper };
}

/** Removes whatever the tests mounted. */
export const cleanUp = () => document.querySelectorAll('[data-citopia-test]').forEach((n) => n.remove());

/** How many elements of each tag are in `root`, deep (shadow roots included). */
export function tagCounts(root: ParentNode): Map<string, number> {
  const counts = new Map<string, number>();
  for (const el of deepElements(root)) counts.set(el.localName, (counts.get(el.localName) ?? 0) + 1);
  return counts;
}

/**
 * What data could have built: tags the benign baseline never has, handlers and script URLs
 * (dangerousNodes), and more elements of a tag that the hostile text itself names (`<b>` in the
 * text, one more <b> in the tree) than the baseline has.
 */
export function elementsFromData(root: ParentNode, baseline: Map<string, number>, text: string): string[] {
  const found = dangerousNodes(root, new Set(baseline.keys()));
  const counts = tagCounts(root);
  for (const [, name] of text.matchAll(/<\s*([a-z][a-z0-9-]*)/gi)) {
    const tag = name!.toLowerCase();
    if (baseline.has(tag) && (counts.get(tag) ?? 0) > baseline.get(tag)!) found.push(`${(counts.get(tag) ?? 0) - baseline.get(tag)!} more <${tag}> than the baseline`);
  }
  return [...new Set(found)];
}

/** The text of a node, whitespace collapsed. */
export const textOf = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A text for failure messages: short, and its control characters visible. */
export const show = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export { until };

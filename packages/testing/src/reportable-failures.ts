/**
 * A failed assertion on DOM nodes (`expect(el).to.equal(other)`) used to hang its whole test
 * file until the 8-minute guard, losing every result of the file: the test runner sends the
 * results with `structuredClone`, which throws on a node, so the page never reported. Every
 * failure's `actual` and `expected` become plain descriptions before they are sent.
 * web-test-runner.config.mjs registers `reportableFailure` as a root `afterEach` on every page.
 */

/** A short, readable stand-in for a DOM node: `<button part="retry" id="r">Try again</button>`. */
export function describeNode(node: Node): string {
  if (node instanceof Element) {
    const attributes = ['id', 'part', 'role', 'name']
      .map((name) => (node.hasAttribute(name) ? ` ${name}="${node.getAttribute(name)}"` : ''))
      .join('');
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    const inShadow = node.getRootNode() instanceof ShadowRoot ? ` (in the shadow root of <${(node.getRootNode() as ShadowRoot).host.localName}>)` : '';
    return `<${node.localName}${attributes}>${text}</${node.localName}>${inShadow}`;
  }
  return `${node.nodeName} ${JSON.stringify((node.textContent ?? '').slice(0, 60))}`;
}

/** `value`, with every node (in arrays and plain objects too) replaced by its description. */
export function reportable(value: unknown, depth = 0): unknown {
  if (typeof Node !== 'undefined' && value instanceof Node) return describeNode(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => reportable(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) {
    try {
      structuredClone(value);
      return value;
    } catch {
      return String(value);
    }
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, reportable(item, depth + 1)]));
}

interface FailedTest {
  err?: { actual?: unknown; expected?: unknown };
}

/** A root `afterEach`: makes the current test's failure, if any, sendable. */
export function reportableFailure(this: { currentTest?: FailedTest }): void {
  const err = this.currentTest?.err;
  if (!err) return;
  for (const key of ['actual', 'expected'] as const) {
    if (key in err) err[key] = reportable(err[key]);
  }
}

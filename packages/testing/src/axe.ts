/**
 * axe-core in the real browser, with exactly the WCAG 2.0, 2.1 and 2.2 level A and AA rules.
 * axe walks open shadow roots itself, so a component is checked with its whole rendered tree.
 */
import type { AxeResults, Result, RunOptions } from 'axe-core';

declare global {
  interface Window {
    axe?: typeof import('axe-core');
  }
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

let loading: Promise<void> | undefined;
/** Loads axe-core once, as a classic script (it is a UMD bundle). */
export function loadAxe(src = '/node_modules/axe-core/axe.min.js'): Promise<void> {
  if (window.axe) return Promise.resolve();
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load axe-core from ${src}`));
    document.head.append(script);
  });
  return loading;
}

/** Runs axe (WCAG 2.x A/AA rules) on `context` and returns the raw results. */
export async function runAxe(context: Element, options: RunOptions = {}): Promise<AxeResults> {
  await loadAxe();
  return window.axe!.run(context, {
    runOnly: { type: 'tag', values: WCAG_TAGS },
    resultTypes: ['violations', 'incomplete'],
    ...options,
  });
}

/** One readable line per violated node: rule, impact, WCAG criteria, target, and axe's summary. */
export function formatViolations(violations: Result[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (n) => `  - ${v.id} (${v.impact ?? 'n/a'}; ${v.tags.filter((t) => /^wcag\d/.test(t)).join(', ')}) at ${JSON.stringify(n.target)}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? v.help}`,
      ),
    )
    .join('\n');
}

/** Rejects with every violation listed when axe finds any; resolves with the results otherwise. */
export async function expectAccessible(context: Element, label = context.localName): Promise<AxeResults> {
  const results = await runAxe(context);
  if (results.violations.length > 0) {
    throw new Error(`axe found ${results.violations.length} WCAG A/AA violation(s) in ${label}:\n${formatViolations(results.violations)}`);
  }
  return results;
}

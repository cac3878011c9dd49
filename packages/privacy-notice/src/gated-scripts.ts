/**
 * Runs the page author's gated scripts once their purpose is allowed (gating.ts blocks them, and
 * loads this chunk the first time one may run).
 */
import { safeUrl } from '@citopia/core/safe-url';

interface ScriptPolicy {
  createScriptURL(url: string): unknown;
  createScript(text: string): unknown;
}
let policy: ScriptPolicy | null | undefined;
/**
 * Under a Content-Security-Policy with `require-trusted-types-for 'script'`, script URLs and
 * texts must come from a named policy: "citopia-consent" (add it to `trusted-types`). It only ever
 * passes on the page author's own gated scripts, never data.
 */
function scriptPolicy(): ScriptPolicy | null {
  if (policy === undefined) {
    const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): ScriptPolicy } }).trustedTypes;
    try {
      policy = factory?.createPolicy('citopia-consent', { createScriptURL: (url: string) => url, createScript: (text: string) => text }) ?? null;
    } catch {
      policy = null; // the page's policy does not allow ours: the browser then refuses the script itself
    }
  }
  return policy;
}

/** Runs a gated script: a fresh element, so the browser executes it (never an address that is not http(s) or relative). */
export function run(original: HTMLScriptElement): void {
  const script = document.createElement('script');
  for (const { name, value } of original.attributes) {
    if (!/^(type|id|data-src|data-type|data-citopia-.*)$/.test(name)) script.setAttribute(name, value);
  }
  if (original.dataset.type) script.type = original.dataset.type;
  script.nonce = original.nonce ?? ''; // CSP nonces are hidden from getAttribute
  if (original.dataset.src) {
    const url = safeUrl(original.dataset.src);
    if (!url) return;
    script.src = (scriptPolicy()?.createScriptURL(url) ?? url) as string;
  } else {
    script.text = (scriptPolicy()?.createScript(original.text) ?? original.text) as string;
  }
  original.dataset.citopiaGate = 'ran';
  original.after(script);
}

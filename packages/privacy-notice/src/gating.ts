/**
 * Prior blocking (the standard pattern of Klaro, tarteaucitron and cookieconsent): the page
 * author marks their own scripts and embeds with the purpose they serve, and they run or load
 * only once that purpose is allowed.
 *
 *   <script type="text/plain" data-citopia-purpose="statistics" data-src="/stats.js"></script>
 *   <script type="text/plain" data-citopia-purpose="statistics">inline code</script>
 *   <iframe data-citopia-purpose="maps" data-src="https://…" title="Map of the town hall"></iframe>
 *
 * A script runs once: withdrawing consent stops further injections, not what already ran (only a
 * reload does). An iframe is unloaded on withdrawal and replaced by its placeholder again.
 * Several purposes may be listed, separated by spaces: all must be allowed.
 */
import { isHttpUrl, safeUrl } from '@citopia/core/safe-url';

const SELECTOR = 'script[type="text/plain"][data-citopia-purpose],iframe[data-citopia-purpose]';

/** Shared by every notice on the page, so two notices never hold one iframe twice. */
const placeholders = new WeakMap<HTMLIFrameElement, HTMLElement>();

export interface GateHooks {
  /** Whether every one of these purposes is allowed now. */
  allowed(purposes: string[]): boolean;
  /** The click-to-load placeholder shown instead of a blocked iframe. */
  placeholder(frame: HTMLIFrameElement, purposes: string[]): HTMLElement;
}

const purposesOf = (el: HTMLElement) => (el.dataset.citopiaPurpose ?? '').split(/\s+/).filter(Boolean);

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

/** Runs the page author's gated script: a fresh element, so the browser executes it. */
function inject(original: HTMLScriptElement): void {
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

/** Takes a frame's placeholder down and shows the frame again. */
function release(frame: HTMLIFrameElement): void {
  placeholders.get(frame)?.remove();
  placeholders.delete(frame);
  frame.hidden = false;
}

export class Gate {
  private observer: MutationObserver | undefined;
  /** The iframes this gate holds back, each with its placeholder. */
  private readonly held = new Set<HTMLIFrameElement>();

  constructor(private readonly hooks: GateHooks) {}

  /** Applies the current consent to the whole document, then to anything added later. */
  start(): void {
    this.apply();
    this.observer ??= new MutationObserver((records) => {
      if (records.some((r) => [...r.addedNodes].some((n) => n instanceof Element && (n.matches(SELECTOR) || n.querySelector(SELECTOR))))) this.apply();
    });
    this.observer.observe(document.documentElement, { childList: true, subtree: true });
  }

  /** Stops watching and takes down the placeholders this page shows. */
  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    for (const frame of this.held) release(frame);
    this.held.clear();
  }

  /** The placeholders on screen, for re-rendering them in a new language or state. */
  get holders(): Array<[HTMLIFrameElement, HTMLElement]> {
    return [...this.held].filter((f) => placeholders.has(f)).map((f) => [f, placeholders.get(f)!]);
  }

  apply(): void {
    for (const el of document.querySelectorAll<HTMLElement>(SELECTOR)) {
      const purposes = purposesOf(el);
      const allowed = this.hooks.allowed(purposes);
      if (el instanceof HTMLScriptElement) {
        if (allowed && !el.dataset.citopiaGate) inject(el);
        continue;
      }
      const frame = el as HTMLIFrameElement;
      if (allowed) {
        this.held.delete(frame);
        release(frame);
        // Only http(s) or relative: a javascript: URL slipped into the page never becomes a src.
        if (frame.dataset.citopiaGate !== 'loaded' && isHttpUrl(frame.dataset.src)) {
          frame.dataset.citopiaGate = 'loaded';
          frame.src = safeUrl(frame.dataset.src)!;
        }
      } else if (!placeholders.has(frame)) {
        if (frame.dataset.citopiaGate === 'loaded') frame.src = 'about:blank'; // unload what no longer has consent
        delete frame.dataset.citopiaGate;
        frame.hidden = true;
        const holder = this.hooks.placeholder(frame, purposes);
        placeholders.set(frame, holder);
        this.held.add(frame);
        frame.before(holder);
      }
    }
  }
}

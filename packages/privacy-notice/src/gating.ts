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
import { chunkLoader, loadOnce } from '@citopia/core/chunk';
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

/** The purposes gated content names, all of which it needs. */
export const purposesOf = (el: HTMLElement) => (el.dataset.citopiaPurpose ?? '').split(/\s+/).filter(Boolean);

/**
 * What runs the scripts: a chunk of its own, loaded the first time one is allowed (most first
 * visits allow nothing before they choose). A failed load (offline) is forgotten: the next apply
 * tries again, and the consent itself is already kept.
 */
let runner: typeof import('./gated-scripts.js') | undefined;
const loadRunner = loadOnce(chunkLoader(() => import('./gated-scripts.js')));

/** Takes a frame's placeholder down and puts the frame back in its place. */
function release(frame: HTMLIFrameElement): void {
  placeholders.get(frame)?.replaceWith(frame);
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
    let waiting = false;
    for (const el of document.querySelectorAll<HTMLElement>(SELECTOR)) {
      const purposes = purposesOf(el);
      const allowed = this.hooks.allowed(purposes);
      if (el instanceof HTMLScriptElement) {
        if (allowed && !el.dataset.citopiaGate) {
          if (runner) runner.run(el);
          else waiting = true;
        }
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
        const box = frame.getBoundingClientRect();
        const inline = getComputedStyle(frame).display === 'inline';
        const holder = this.hooks.placeholder(frame, purposes);
        // It takes the frame's place (its box, on its line when inline), so nothing below moves
        // when it comes or when the frame comes back; taller only when its text needs the room.
        if (box.height) holder.style.cssText = `display:${inline ? 'inline-' : ''}block;width:${box.width}px;max-width:100%;min-height:${box.height}px`;
        placeholders.set(frame, holder);
        this.held.add(frame);
        // The frame waits inside it: its shadow root shows no light DOM, so the frame is out of
        // sight and out of the accessibility tree whatever display the page's styles give iframes.
        frame.hidden = true;
        frame.replaceWith(holder);
        holder.append(frame);
      }
    }
    // Applied again once the runner is in, unless the gate stopped meanwhile.
    if (waiting) loadRunner().then((module) => ((runner = module), this.observer && this.apply()), () => {});
  }
}

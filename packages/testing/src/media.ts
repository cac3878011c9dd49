import { emulateMedia } from '@web/test-runner-commands';

/**
 * Emulates a colour scheme (with reduced motion, so axe reads final colours, not a transition
 * half-way) and waits until the page really uses it: the emulation reaches the renderer after the
 * command returns, and styles that depend on it (light-dark()) follow only at the next style update.
 */
export async function setColorScheme(scheme: 'light' | 'dark', reducedMotion: 'reduce' | 'no-preference' = 'reduce'): Promise<void> {
  await emulateMedia({ colorScheme: scheme, reducedMotion });
  const query = matchMedia(`(prefers-color-scheme: ${scheme})`);
  const start = performance.now();
  while (!query.matches && performance.now() - start < 2000) await new Promise((r) => setTimeout(r, 10));
  // One rendering update (or 100 ms where a background page gets no frames).
  await Promise.race([new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))), new Promise((r) => setTimeout(r, 100))]);
}

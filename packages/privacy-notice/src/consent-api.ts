/**
 * The consent state as host code sees it, without a reference to the element:
 *
 *   import { getConsent } from '@citopia/privacy-notice';
 *   if (getConsent('statistics')) startStatistics();
 *   document.addEventListener('citopia-consent-change', (e) => e.detail.purposes.statistics && startStatistics());
 *
 * `getConsent` answers false until a notice on the page has read its configuration and the
 * stored choice; the notice then fires `citopia-consent-change` once, and again on every change.
 */
export interface ConsentState {
  /** Every purpose of the notice → allowed now. Purposes that do not rest on consent are true. */
  purposes: Record<string, boolean>;
  /** True when a stored, current choice covers every consent purpose. */
  decided: boolean;
  /** The notice version the state belongs to. */
  version: string;
  /** ISO date of the stored choice, if any. */
  date: string | undefined;
  /** The browser sent Global Privacy Control (or the host said so). */
  gpc: boolean;
}

let latest: ConsentState | undefined;

/** Whether `purpose` is allowed now, by the latest notice on the page (false when unknown). */
export function getConsent(purpose: string): boolean {
  return latest?.purposes[purpose] === true;
}

/** The whole latest state, if a notice has established one. */
export function getConsentState(): ConsentState | undefined {
  return latest && { ...latest, purposes: { ...latest.purposes } };
}

/** Called by the notice element whenever its state is known or changes. */
export function publishConsent(state: ConsentState): void {
  latest = state;
}

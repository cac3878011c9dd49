import { defineElement } from '@citopia/core';
import { PrivacyNotice } from './citopia-privacy-notice.js';

export * from './citopia-privacy-notice.js';
export { getConsent, getConsentState, type ConsentState } from './consent-api.js';
// Prefixed names: the umbrella package re-exports every component's exports side by side.
// validatePrivacyConfig() is in '@citopia/privacy-notice/validate': the element loads its sentences only for a broken configuration.
export type { ConfigProblem as PrivacyConfigProblem } from './validate-config.js';
export {
  LEGAL_BASES,
  CATEGORY_ICONS,
  type PrivacyConfig,
  type Purpose as PrivacyPurpose,
  type Service as PrivacyService,
  type Contact as PrivacyContact,
  type DataCategory as PrivacyDataCategory,
  type LegalBasis,
  type CategoryIcon,
} from './config.js';
defineElement('citopia-privacy-notice', PrivacyNotice);

/**
 * The privacy notice's configuration: what a city tells people about their data (GDPR Art. 13/14,
 * Swiss FADP Art. 19) and which services need consent. Documented in docs/privacy-notice.md, with
 * a JSON Schema in docs/schemas/privacy-config.schema.json. Every text is a language map
 * (`{"fr": "…", "de": "…"}`) or a plain string.
 */
import type { Localizable } from '@citopia/core/language-map';

/** The six lawful bases of GDPR Art. 6(1), in its order. Only "consent" asks anything of people. */
export const LEGAL_BASES = ['consent', 'contract', 'legal-obligation', 'vital-interest', 'public-task', 'legitimate-interest'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** Our own icons for data categories (see icons.ts); each always shows with its text label. */
export const CATEGORY_ICONS = ['identity', 'contact', 'location', 'usage', 'device', 'communication', 'payment', 'health', 'other'] as const;
export type CategoryIcon = (typeof CATEGORY_ICONS)[number];

/** Someone people can write to: the controller, the data protection officer, the authority. */
export interface Contact {
  name: Localizable;
  address?: Localizable;
  email?: string;
  phone?: string;
  url?: string;
}

export interface Purpose {
  /** Stable id, lower case (`statistics`): gated content names it in `data-citopia-purpose`. */
  id: string;
  title: Localizable;
  description: Localizable;
  /** The description in easy-to-read language, shown instead when the reading mode is easy. */
  easyDescription?: Localizable;
  legalBasis: LegalBasis;
  /** Required when the legal basis is "legitimate-interest": the interest itself (Art. 13(1)(d)). */
  legitimateInterest?: Localizable;
  /** Ids of the data categories this purpose uses. */
  categories?: string[];
  /** Pre-selects the switch in the details (consent purposes only; ignored under GPC). */
  default?: boolean;
}

export interface DataCategory {
  id: string;
  label: Localizable;
  icon?: CategoryIcon;
  description?: Localizable;
}

export interface Recipient {
  name: Localizable;
  description?: Localizable;
}

export interface Transfer {
  country: Localizable;
  /** Adequacy decision, standard contractual clauses, … */
  safeguard: Localizable;
}

/** A service (cookie, tracker, embed), close to Klaro's `services` and cookieconsent's `services`. */
export interface Service {
  /** Identifier, shown when there is no title. */
  name: string;
  title?: Localizable;
  description?: Localizable;
  /** Purpose ids this service serves. */
  purposes: string[];
  /** Names (or patterns) of the cookies it sets. */
  cookies?: string[];
  /** localStorage / sessionStorage keys it uses. */
  storageKeys?: string[];
  /** Always active (it serves a purpose that does not rest on consent). */
  required?: boolean;
  /** Pre-selects its purposes' switches (like Klaro's `default`). */
  default?: boolean;
}

export interface PrivacyConfig {
  /** Any string; a new version asks everyone again. */
  version: string;
  /** YYYY-MM-DD. */
  lastUpdated: string;
  title?: Localizable;
  /** One or two sentences: what is collected and why. Built from the purposes when absent. */
  summary?: Localizable;
  controller: Contact;
  dpo?: Contact;
  purposes: Purpose[];
  dataCategories: DataCategory[];
  /** Where data comes from when it is not collected from the person (Art. 14(2)(f)). */
  source?: Localizable;
  recipients?: Recipient[];
  transfers?: Transfer[];
  retention: Localizable;
  /** The person's rights; a standard sentence is shown when absent. */
  rights?: Localizable;
  /** The supervisory authority to complain to. */
  authority: Contact;
  automatedDecisions: Localizable;
  services?: Service[];
  /** The full privacy policy page. */
  policyUrl?: string;
}

/** The purposes that need the person's consent. */
export const consentPurposes = (config: PrivacyConfig): Purpose[] => config.purposes.filter((p) => p.legalBasis === 'consent');

/**
 * Facts of the publiccode.yml standard (https://yml.publiccode.tools): the versions a file may
 * declare, the enumerations, the controlled vocabularies and the keys each section may hold.
 * Current version 0.7, where "0" is the recommended value of publiccodeYmlVersion.
 */

/** Values of publiccodeYmlVersion that the standard has published. "0" always means the latest. */
export const SUPPORTED_VERSIONS = ['0', '0.2', '0.2.0', '0.2.1', '0.2.2', '0.3', '0.3.0', '0.4', '0.4.0', '0.5', '0.5.0', '0.7', '0.7.0'];

/** The version a declared value stands for, as a number ("0" is the latest, 0.7). */
export function versionRank(version: string): number {
  return version === '0' ? 0.7 : Number.parseFloat(version) || 0.7;
}

export const DEVELOPMENT_STATUSES = ['concept', 'development', 'beta', 'stable', 'obsolete'] as const;
export type DevelopmentStatus = (typeof DEVELOPMENT_STATUSES)[number];

export const SOFTWARE_TYPES = [
  'standalone/mobile', 'standalone/iot', 'standalone/desktop', 'standalone/web', 'standalone/backend', 'standalone/other', 'addon', 'library', 'configurationFiles',
];

export const MAINTENANCE_TYPES = ['internal', 'contract', 'community', 'none'] as const;
export type MaintenanceType = (typeof MAINTENANCE_TYPES)[number];

/** Predefined platforms with their display names; other human-readable values are allowed. */
export const PLATFORM_NAMES: Record<string, string> = { web: 'Web', windows: 'Windows', mac: 'macOS', linux: 'Linux', ios: 'iOS', android: 'Android' };

/** The controlled vocabulary of `categories` (categories-list). */
export const CATEGORIES = new Set(
  ('accounting agile-project-management applicant-tracking application-development appointment-scheduling backup billing-and-invoicing blog ' +
    'budgeting business-intelligence business-process-management cad call-center-management cloud-management collaboration communications ' +
    'compliance-management contact-management content-management crm customer-service-and-support data-analytics data-collection ' +
    'data-visualization design design-system digital-asset-management digital-citizenship document-management donor-management e-commerce ' +
    'e-signature educational-content email-management email-marketing employee-management enterprise-project-management ' +
    'enterprise-social-networking erp event-management facility-management feedback-and-reviews-management financial-reporting ' +
    'fleet-management fundraising gamification geographic-information-systems grant-management graphic-design help-desk hr ide ' +
    'identity-management instant-messaging integrated-library-system inventory-management it-asset-management it-development it-management ' +
    'it-security it-service-management knowledge-management learning-management-system marketing mind-mapping mobile-marketing mobile-payment ' +
    'network-management office online-booking online-community payment-gateway payroll predictive-analysis procurement productivity-suite ' +
    'project-collaboration project-management property-management real-estate-management regulations-and-directives remote-support ' +
    'resource-management sales-management seo service-desk social-media-management survey talent-management task-management taxes-management ' +
    'test-management time-management time-tracking translation video-conferencing video-editing visitor-management voip warehouse-management ' +
    'web-collaboration web-conferencing website-builder whistleblowing workflow-management other').split(' '),
);

/** The controlled vocabulary of `intendedAudience.scope` (scope-list). */
export const SCOPES = new Set(
  ('agriculture culture defence education emergency-services employment energy environment finance-and-economic-development foreign-affairs ' +
    'government healthcare infrastructures justice local-authorities manufacturing research science-and-technology security society sport ' +
    'tourism transportation welfare').split(' '),
);

/** Keys each section may hold (anything else is reported as unknown, as the reference parser does). */
export const KNOWN_KEYS = {
  top: new Set(
    ('publiccodeYmlVersion name applicationSuite url landingURL isBasedOn softwareVersion releaseDate logo monochromeLogo inputTypes outputTypes ' +
      'platforms categories usedBy fundedBy roadmap developmentStatus softwareType intendedAudience description legal maintenance localisation ' +
      'dependsOn organisation supports IT it').split(' '),
  ),
  description: new Set('localisedName genericName shortDescription longDescription documentation apiDocumentation features screenshots videos awards'.split(' ')),
  legal: new Set('license mainCopyrightOwner repoOwner authorsFile'.split(' ')),
  maintenance: new Set('type contractors contacts'.split(' ')),
  localisation: new Set('localisationReady availableLanguages'.split(' ')),
  contact: new Set('name email phone affiliation'.split(' ')),
  contractor: new Set('name email website until'.split(' ')),
  organisation: new Set('name uri'.split(' ')),
  intendedAudience: new Set('scope countries unsupportedCountries'.split(' ')),
};

/** Keys the current standard deprecates, with the key to use instead when there is one. */
export const DEPRECATED: Record<string, string> = {
  monochromeLogo: '',
  inputTypes: '',
  outputTypes: '',
  'legal.repoOwner': 'organisation.name',
  'legal.authorsFile': '',
};

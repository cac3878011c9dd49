/**
 * The Citopia service catalogue format (version 1). Documented, with its JSON Schema and its
 * mapping to CPSV-AP 3.2 and schema.org, in docs/service-finder.md and
 * docs/schemas/catalogue.schema.json.
 *
 * Every text a person reads is a language map (`{"fr": "Permis de construire", "de": "Baugesuch"}`)
 * or a plain string (one language, the page's).
 */
import type { Localizable } from '@citopia/core/language-map';
import type { Authority } from './authority.js';

export type { Authority, AuthorityKind } from './authority.js';

export type Text = Localizable;

/** Days of the week, as in schema.org `dayOfWeek` abbreviations (ISO 8601 order). */
export type Day = 'mo' | 'tu' | 'we' | 'th' | 'fr' | 'sa' | 'su';

/** One opening period: the same hours on the given days (`opens`/`closes` as "HH:MM"). */
export interface OpeningHours {
  days: Day[];
  opens: string;
  closes: string;
}

export interface Address {
  street?: string;
  postalCode?: string;
  locality?: string;
  country?: string;
}

interface ChannelBase {
  /** What to call this channel ("Guichet de l'état civil", "Guichet virtuel"). */
  label?: Text;
  /** When the channel answers (phone and in-person). */
  hours?: OpeningHours[];
  /** A remark for people ("Sur rendez-vous uniquement"). */
  note?: Text;
}
export interface OnlineChannel extends ChannelBase {
  type: 'online';
  url: string;
}
export interface PhoneChannel extends ChannelBase {
  type: 'phone';
  phone: string;
}
export interface EmailChannel extends ChannelBase {
  type: 'email';
  email: string;
}
export interface InPersonChannel extends ChannelBase {
  type: 'in-person';
  address: Address | Text;
}
export type Channel = OnlineChannel | PhoneChannel | EmailChannel | InPersonChannel;
export type ChannelType = Channel['type'];

export interface Organisation {
  name: Text;
  url?: string;
  /** Stable id (for the authority filter when several catalogues are merged). */
  id?: string;
  /** The city (default), the canton or region, the country, an association. */
  kind?: 'city' | 'region' | 'country' | 'association';
}

export interface Cost {
  /** Amount in `currency` (omit when it depends, and say so in `description`). */
  value?: number;
  /** ISO 4217 code, "CHF" by default. */
  currency?: string;
  description?: Text;
}

export interface Category {
  id: string;
  name: Text;
  description?: Text;
}

export interface Audience {
  id: string;
  name: Text;
}

export interface Service {
  /** Stable identifier (dct:identifier). */
  id: string;
  name: Text;
  /** One line shown in the results; the description's first line otherwise. */
  summary?: Text;
  description?: Text;
  /** The summary in easy-to-read language, shown instead when the reading mode is easy. */
  easyDescription?: Text;
  /** Words people use for it: a list, or a list per language. */
  keywords?: string[] | Record<string, string[]>;
  /** The page that explains the service. */
  url?: string;
  /** Category ids (cv:thematicArea). */
  categories?: string[];
  /** Audience ids (dct:audience). */
  audiences?: string[];
  /** Who provides it (cv:hasCompetentAuthority); the catalogue's publisher otherwise. */
  authority?: Organisation;
  /** With several sources (`sources`): every authority that publishes this service, the first one's entry shown. */
  authorities?: Authority[];
  channels?: Channel[];
  cost?: Cost;
  /** ISO 8601 duration ("P10D"). */
  processingTime?: string;
  /** A request type of the city's Open311 endpoint: this service is asked for with the assistance request. */
  open311?: { serviceCode: string };
}

export interface Catalogue {
  $schema?: string;
  /** Format version: "1". */
  version?: string;
  publisher?: Organisation;
  categories?: Category[];
  audiences?: Audience[];
  services: Service[];
  /** Groups of words that mean the same thing, for the search. */
  synonyms?: string[][];
}

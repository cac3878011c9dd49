import type { Meta } from '@storybook/web-components-vite';
import '@citopia/assistance-request';
import { fixtures } from '@citopia/assistance-request/fixtures';
import { fixtureStory } from './fixture-story.js';

// Every story reads the static Open311 trees in packages/assistance-request/fixtures/open311/
// (discovery, services, service definitions: what a GET needs). Sending needs a real server:
// `npm start` runs one (@citopia/open311-server); fixtures that need it are test-only.
const meta: Meta = { title: 'Components/Assistance request', component: 'citopia-assistance-request' };
export default meta;

export const Default = fixtureStory(fixtures, 'default');
export const ServiceRadiosAndInfo = fixtureStory(fixtures, 'service-radios-and-info');
export const ServiceSelectAndString = fixtureStory(fixtures, 'service-select-and-string');
export const ServiceMultivalueDatetimeText = fixtureStory(fixtures, 'service-multivalue-datetime-text');
export const ServiceWithoutMetadata = fixtureStory(fixtures, 'service-without-metadata');
export const ManyServices = fixtureStory(fixtures, 'many-services');
export const XmlOnly = fixtureStory(fixtures, 'xml-only');
export const Prefilled = fixtureStory(fixtures, 'prefilled');
export const RequireContact = fixtureStory(fixtures, 'require-contact');
export const PhotoAndPrivacy = fixtureStory(fixtures, 'photo-and-privacy');
export const PrivacySlot = fixtureStory(fixtures, 'privacy-slot');
export const JsonAdapterNoServices = fixtureStory(fixtures, 'json-adapter-no-services');
export const DefinitionError = fixtureStory(fixtures, 'definition-error');
export const LoadError = fixtureStory(fixtures, 'load-error');
export const ValidationErrors = fixtureStory(fixtures, 'validation-errors');
export const EasyRead = fixtureStory(fixtures, 'easy-read');
export const RestoredDraft = fixtureStory(fixtures, 'restored-draft');
export const CheckAnswers = fixtureStory(fixtures, 'check-answers');
export const Outbox = fixtureStory(fixtures, 'outbox');

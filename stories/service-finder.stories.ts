import type { Meta } from '@storybook/web-components-vite';
import '@citopia/service-finder';
import { fixtures } from '@citopia/service-finder/fixtures';
import { fixtureStory } from './fixture-story.js';

const meta: Meta = { title: 'Components/Service finder', component: 'citopia-service-finder' };
export default meta;

export const Small = fixtureStory(fixtures, 'small');
export const VilleDeDemo = fixtureStory(fixtures, 'ville-de-demo');
export const Results = fixtureStory(fixtures, 'results');
export const EasyRead = fixtureStory(fixtures, 'easy-read');
export const Filtered = fixtureStory(fixtures, 'filtered');
export const NoResults = fixtureStory(fixtures, 'no-results');
export const Open311 = fixtureStory(fixtures, 'open311');
export const LightDom = fixtureStory(fixtures, 'light-dom');
export const Empty = fixtureStory(fixtures, 'empty');
export const Malformed = fixtureStory(fixtures, 'malformed');
export const Hostile = fixtureStory(fixtures, 'hostile');
export const Huge = fixtureStory(fixtures, 'huge');
export const TwoAuthorities = fixtureStory(fixtures, 'two-authorities');
export const AuthorityFilter = fixtureStory(fixtures, 'authority-filter');
export const SourceMissing = fixtureStory(fixtures, 'source-missing');
export const OfflineCopy = fixtureStory(fixtures, 'offline-copy');

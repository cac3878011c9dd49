import type { Meta } from '@storybook/web-components-vite';
import '@citopia/privacy-notice';
import { fixtures } from '@citopia/privacy-notice/fixtures';
import { fixtureStory } from './fixture-story.js';

const meta: Meta = { title: 'Components/Privacy notice', component: 'citopia-privacy-notice' };
export default meta;

// A modal dialog or a banner fixed to the window would take over the docs page that shows every
// story at once: those two stories are left out of autodocs (a literal tag list, which Storybook
// reads without running the file) and shown on their own.

export const Transparency = fixtureStory(fixtures, 'transparency');
export const ConsentNeeded = fixtureStory(fixtures, 'consent-needed');
export const ChoiceStored = fixtureStory(fixtures, 'choice-stored');
export const Gpc = fixtureStory(fixtures, 'gpc');
export const ExpiredChoice = fixtureStory(fixtures, 'expired-choice');
export const NewVersion = fixtureStory(fixtures, 'new-version');
export const InvalidConfig = fixtureStory(fixtures, 'invalid-config');
export const EasyRead = fixtureStory(fixtures, 'easy-read');
export const EasyReadInline = fixtureStory(fixtures, 'easy-read-inline');
export const DetailsInline = fixtureStory(fixtures, 'details-inline');
export const DetailsDialog = { ...fixtureStory(fixtures, 'details-dialog'), tags: ['!autodocs'] };
export const Bottom = { ...fixtureStory(fixtures, 'bottom'), tags: ['!autodocs'] };
export const Placeholder = fixtureStory(fixtures, 'placeholder');

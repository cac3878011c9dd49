import type { Meta } from '@storybook/web-components-vite';
import '@citopia/privacy-notice';
import { fixtures } from '@citopia/privacy-notice/fixtures';
import { fixtureStory } from './fixture-story.js';

const meta: Meta = { title: 'Components/Privacy notice', component: 'citopia-privacy-notice' };
export default meta;

export const Default = fixtureStory(fixtures, 'default');

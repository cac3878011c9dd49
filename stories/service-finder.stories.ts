import type { Meta } from '@storybook/web-components-vite';
import '@citopia/service-finder';
import { fixtures } from '@citopia/service-finder/fixtures';
import { fixtureStory } from './fixture-story.js';

const meta: Meta = { title: 'Components/Service finder', component: 'citopia-service-finder' };
export default meta;

export const Default = fixtureStory(fixtures, 'default');

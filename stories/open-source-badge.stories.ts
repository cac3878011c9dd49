import type { Meta } from '@storybook/web-components-vite';
import '@citopia/open-source-badge';
import { fixtures } from '@citopia/open-source-badge/fixtures';
import { fixtureStory } from './fixture-story.js';

const meta: Meta = { title: 'Components/Open-source badge', component: 'citopia-open-source-badge' };
export default meta;

export const Default = fixtureStory(fixtures, 'default');

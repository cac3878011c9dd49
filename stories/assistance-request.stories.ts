import type { Meta } from '@storybook/web-components-vite';
import '@citopia/assistance-request';
import { fixtures } from '@citopia/assistance-request/fixtures';
import { fixtureStory } from './fixture-story.js';

const meta: Meta = { title: 'Components/Assistance request', component: 'citopia-assistance-request' };
export default meta;

export const Default = fixtureStory(fixtures, 'default');

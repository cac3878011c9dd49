/**
 * Turns one fixture of a component's fixture list into a Storybook story, so stories, tests, the
 * axe sweep and the docs are fed by the same list (the GOV.UK pattern).
 */
import type { StoryObj } from '@storybook/web-components-vite';
import { createFixtureElement, originContext, type FixtureList } from '@citopia/core/fixtures';

export function fixtureStory<E extends HTMLElement>(list: FixtureList<E>, name: string): StoryObj {
  const fixture = list.fixtures.find((f) => f.name === name);
  if (!fixture) throw new Error(`${list.tag} has no fixture "${name}"`);
  return {
    name: fixture.title,
    parameters: { docs: { description: { story: fixture.description ?? '' } } },
    render: () => {
      const holder = document.createElement('div');
      void createFixtureElement(list, fixture, originContext('/')).then((el) => holder.append(el));
      return holder;
    },
  };
}

/** Story names for a fixture list, for the test that proves every fixture has its story. */
export function storyFixtureNames<E extends HTMLElement>(list: FixtureList<E>): string[] {
  return list.fixtures.filter((f) => !f.testOnly).map((f) => f.name);
}

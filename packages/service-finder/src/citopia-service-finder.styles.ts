import { css } from 'lit';
import { baseStyles } from '@citopia/core/styles';

export const styles = [
  ...baseStyles,
  css`
    :host {
      padding: var(--_space);
    }
  `,
];

import { defineElement } from '@citopia/core';
import { OpenSourceBadge } from './citopia-open-source-badge.js';

export * from './citopia-open-source-badge.js';
defineElement('citopia-open-source-badge', OpenSourceBadge);

import { defineElement } from '@citopia/core';
import { ServiceFinder } from './citopia-service-finder.js';

export * from './citopia-service-finder.js';
defineElement('citopia-service-finder', ServiceFinder);

import { defineElement } from '@citopia/core';
import { AssistanceRequest } from './citopia-assistance-request.js';

export * from './citopia-assistance-request.js';
defineElement('citopia-assistance-request', AssistanceRequest);

import { defineElement } from '@citopia/core';
import { PrivacyNotice } from './citopia-privacy-notice.js';

export * from './citopia-privacy-notice.js';
defineElement('citopia-privacy-notice', PrivacyNotice);

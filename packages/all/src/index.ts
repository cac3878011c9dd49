/**
 * `citopia`: importing this module (or loading cdn/citopia.js) defines every Citopia tag.
 */
export * from '@citopia/core';
export * from '@citopia/core/format';
export * from '@citopia/core/i18n';
export * from '@citopia/service-finder';
export * from '@citopia/assistance-request';
export * from '@citopia/privacy-notice';
export * from '@citopia/open-source-badge';

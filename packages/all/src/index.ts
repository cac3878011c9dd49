/**
 * `citopia`: importing this module (or loading cdn/citopia.js) defines every Citopia tag.
 * Each component package is added here as it lands; the core is always exported.
 */
export * from '@citopia/core';

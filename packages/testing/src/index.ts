export * from './fixture.js';
export * from './axe.js';
export * from './sweep.js';
export * from './keys.js';
export * from './shared-fixtures.js';
export * from './hostile.js';
export * from './media.js';
export * from './screen-reader.js';

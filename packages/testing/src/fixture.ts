/** The fixture machinery lives in @citopia/core/fixtures (component packages ship their lists). */
export * from '@citopia/core/fixtures';

// The library's self-contained browser build ships no types of its own: it is the same API as
// its main entry.
declare module '@guidepup/virtual-screen-reader/browser.js' {
  export * from '@guidepup/virtual-screen-reader';
}

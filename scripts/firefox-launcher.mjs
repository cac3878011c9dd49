// A @web/test-runner BrowserLauncher for Debian's Firefox ESR (/usr/bin/firefox-esr, never a
// downloaded one), driven by puppeteer-core over WebDriver BiDi.
//
// Why not one browser with several tabs (like ChromeLauncher)? In Firefox only the selected tab
// of the focused window is "live": a background tab is document.visibilityState 'hidden', has
// document.hasFocus() === false, fires no focus events and has its timers throttled to >= 1 s.
// A second window fixes visibility but not focus. So every concurrent test page gets its own
// Firefox process (one window, one tab), started for that file and closed after it; at most
// `concurrency` processes run at once.
//
// type is 'puppeteer' and getPage() returns a puppeteer Page, so @web/test-runner-commands work:
// sendKeys, sendMouse, setViewport, setUserAgent, selectOption run over BiDi as they are.
// puppeteer implements Page.emulateMediaFeatures/emulateMediaType only over CDP, which Firefox
// lacks, so this launcher overrides them per page with Firefox's own BrowsingContext overrides
// (prefersColorSchemeOverride, prefersReducedMotionOverride, forcedColorsOverride,
// mediumOverride), set from the parent process. That needs Firefox started with
// --remote-allow-system-access (option `systemAccess`, on by default; the BiDi endpoint only
// listens on 127.0.0.1 and its port is random).
import { launch } from 'puppeteer-core';
import { browserPath } from './system-tools.mjs';

const NAVIGABLE_MANAGER = 'chrome://remote/content/shared/NavigableManager.sys.mjs';

/** Media features (puppeteer name -> Firefox BrowsingContext property, allowed values). */
const MEDIA_FEATURES = {
  'prefers-color-scheme': { prop: 'prefersColorSchemeOverride', values: ['light', 'dark'] },
  'prefers-reduced-motion': { prop: 'prefersReducedMotionOverride', values: ['reduce', 'no-preference'] },
  'forced-colors': { prop: 'forcedColorsOverride', values: ['active', 'none'] },
};

class FirefoxPage {
  /** @param {import('puppeteer-core').Browser} browser @param {import('puppeteer-core').Page} page */
  constructor(launcher, browser, page) {
    this.launcher = launcher;
    this.browser = browser;
    this.puppeteerPage = page;
    this.chromeContext = undefined;
    // Instance properties shadow puppeteer's CDP-only methods; used by emulateMediaPlugin.
    page.emulateMediaFeatures = (features) => this.emulateMediaFeatures(features);
    page.emulateMediaType = (type) => this.emulateMediaType(type);
    // puppeteer's BiDi keyboard knows the space bar only as " " (its CDP keyboard also as "Space").
    const keyboard = page.keyboard;
    const named = (key) => (key === 'Space' ? ' ' : key);
    for (const method of ['press', 'down', 'up']) {
      const original = keyboard[method].bind(keyboard);
      keyboard[method] = (key, options) => original(named(key), options);
    }
  }

  /** Sets properties of this page's top-level BrowsingContext from the parent process. */
  async setOverrides(overrides) {
    if (!this.launcher.systemAccess) {
      throw new Error('Media emulation in Firefox needs the firefoxLauncher option systemAccess: true (--remote-allow-system-access).');
    }
    const connection = this.browser.connection;
    if (!this.chromeContext) {
      const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
      this.chromeContext = result.contexts[0]?.context;
      if (!this.chromeContext) throw new Error('Firefox exposed no chrome browsing context over WebDriver BiDi.');
    }
    // puppeteer's BiDi frame id is the WebDriver BiDi navigable id.
    const id = this.puppeteerPage.mainFrame()._id;
    const expression = `(() => {
      const { NavigableManager } = ChromeUtils.importESModule(${JSON.stringify(NAVIGABLE_MANAGER)});
      const bc = NavigableManager.getBrowsingContextById(${JSON.stringify(id)});
      if (!bc) throw new Error('No browsing context for navigable ' + ${JSON.stringify(id)});
      Object.assign(bc, ${JSON.stringify(overrides)});
      return true;
    })()`;
    const { result } = await connection.send('script.evaluate', {
      expression,
      target: { context: this.chromeContext },
      awaitPromise: false,
    });
    if (result.type === 'exception') {
      throw new Error(`Firefox media emulation failed: ${result.exceptionDetails?.text ?? JSON.stringify(result)}`);
    }
  }

  /** Same semantics as CDP: each call replaces all emulated features; no argument resets them. */
  async emulateMediaFeatures(features = []) {
    const overrides = Object.fromEntries(Object.values(MEDIA_FEATURES).map(({ prop }) => [prop, 'none']));
    for (const { name, value } of features) {
      const feature = MEDIA_FEATURES[name];
      if (!feature) throw new Error(`Unsupported media feature in Firefox: ${name}`);
      if (value && !feature.values.includes(value)) throw new Error(`Unsupported value for ${name} in Firefox: ${value}`);
      if (value) overrides[feature.prop] = value;
    }
    await this.setOverrides(overrides);
  }

  async emulateMediaType(type) {
    if (type && !['screen', 'print'].includes(type)) throw new Error(`Unsupported media type: ${type}`);
    await this.setOverrides({ mediumOverride: type ?? '' });
  }

  async runSession(url) {
    await this.puppeteerPage.setViewport({ height: 600, width: 800 });
    await this.puppeteerPage.goto(url);
  }

  /**
   * Ends the file's session with its process: one Firefox process per test file, as Chromium
   * gives each file its own browser context. A reused process carried one file's state into the
   * next (above all, a window whose focus had gone to the toolbar, where the page receives no
   * keys). Starting one costs about a second.
   */
  async stopSession(config) {
    const testCoverage = await this.collectTestCoverage(config);
    await this.browser.close().catch(() => {});
    return { testCoverage };
  }

  async collectTestCoverage(config) {
    if (!config?.coverage) return undefined;
    try {
      const coverage = await this.puppeteerPage.evaluate(() => window.__coverage__);
      if (coverage) return coverage;
    } catch {
      // evaluate throws when the test navigated away
    }
    this.launcher.warnCoverage();
    return undefined;
  }
}

export class FirefoxLauncher {
  name = 'Firefox';
  type = 'puppeteer';

  constructor({ launchOptions = {}, concurrency, systemAccess = true } = {}) {
    this.launchOptions = launchOptions;
    this.concurrency = concurrency;
    this.systemAccess = systemAccess;
    this.config = undefined;
    this.activePages = new Map();
    this.activeDebugPages = new Map();
    this.browsers = new Set();
    this.coverageWarned = false;
  }

  async initialize(config) {
    this.config = config;
  }

  async launchBrowser(options = {}) {
    const merged = {
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: browserPath('firefox'),
      headless: true,
      ...this.launchOptions,
      ...options,
    };
    merged.args = [...(merged.args ?? [])];
    if (this.systemAccess && !merged.args.includes('--remote-allow-system-access')) merged.args.push('--remote-allow-system-access');
    merged.extraPrefsFirefox = {
      // belt and braces: each page has its own window, but never throttle timers anyway
      'dom.min_background_timeout_value': 4,
      'dom.timeout.enable_budget_timer_throttling': false,
      ...merged.extraPrefsFirefox,
    };
    const browser = await launch(merged).catch((error) => {
      console.error(`\nFailed to launch Firefox at ${merged.executablePath} over WebDriver BiDi.\n`);
      throw error;
    });
    this.browsers.add(browser);
    browser.once('disconnected', () => this.browsers.delete(browser));
    return browser;
  }

  /** A new Firefox process with a single tab. */
  async createPage(options) {
    const browser = await this.launchBrowser(options);
    const initial = await browser.pages();
    // The tab Firefox starts with never gets focus (document.hasFocus() stays false, no focus
    // events) even after bringToFront(); a tab opened over BiDi does. So open one, close the rest.
    const page = await browser.newPage();
    await Promise.all(initial.map((p) => p.close().catch(() => {})));
    return new FirefoxPage(this, browser, page);
  }

  async startSession(sessionId, url) {
    const page = await this.createPage();
    this.activePages.set(sessionId, page);
    await page.runSession(url);
  }

  isActive(sessionId) {
    return this.activePages.has(sessionId);
  }

  getBrowserUrl(sessionId) {
    return this.getPage(sessionId).url();
  }

  async startDebugSession(sessionId, url) {
    // needs a display (not headless); closing the window ends the debug session
    const page = await this.createPage({ headless: false, devtools: true });
    this.activeDebugPages.set(sessionId, page);
    page.puppeteerPage.on('close', () => {
      this.activeDebugPages.delete(sessionId);
      page.browser.close().catch(() => {});
    });
    await page.runSession(url);
  }

  async stopSession(sessionId) {
    const page = this.activePages.get(sessionId);
    if (!page) throw new Error(`No page for session ${sessionId}`);
    if (page.puppeteerPage.isClosed()) throw new Error(`Session ${sessionId} is already stopped`);
    const result = await page.stopSession(this.config);
    this.activePages.delete(sessionId);
    return result;
  }

  /** The puppeteer Page of a session, for @web/test-runner-commands. */
  getPage(sessionId) {
    const page = this.activePages.get(sessionId)?.puppeteerPage ?? this.activeDebugPages.get(sessionId)?.puppeteerPage;
    if (!page) throw new Error(`Could not find a page for session ${sessionId}`);
    return page;
  }

  async stop() {
    await Promise.all([...this.browsers].map((browser) => (browser.connected ? browser.close().catch(() => {}) : undefined)));
    this.browsers.clear();
  }

  warnCoverage() {
    if (this.coverageWarned) return;
    this.coverageWarned = true;
    console.warn('Firefox has no native (V8) coverage: instrument the code (window.__coverage__) or measure coverage in Chromium.');
  }
}

/**
 * @param {{ launchOptions?: import('puppeteer-core').LaunchOptions, concurrency?: number, systemAccess?: boolean }} [options]
 */
export function firefoxLauncher(options = {}) {
  return new FirefoxLauncher(options);
}

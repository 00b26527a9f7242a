// Which browser the browser tests use, on each platform, and that CI's SPECMILL_REQUIRE_BROWSER=1
// turns "no browser" from a skip into a failure.
import { describe, expect, it } from 'vitest';
import { findChromium, requireOrSkipBrowser } from '../support/browser.js';

const nothing = () => false;

describe('finding a browser', () => {
  it('takes CHROME_PATH first, and a CHROME_PATH that does not exist is an error, not a skip', () => {
    expect(findChromium({ env: { CHROME_PATH: '/opt/chrome' }, platform: 'linux', arch: 'x64', exists: (f) => f === '/opt/chrome' })).toEqual({ origin: 'CHROME_PATH', executable: '/opt/chrome' });
    expect(() => findChromium({ env: { CHROME_PATH: '/opt/none' }, exists: nothing })).toThrow('CHROME_PATH is /opt/none, which does not exist');
  });

  it('on Linux x64: the Chromium of the @sparticuz/chromium npm package, before any installed one', () => {
    const found = findChromium({ env: {}, platform: 'linux', arch: 'x64', exists: () => true });
    expect(found?.origin).toMatch(/^@sparticuz\/chromium \d+\.\d+\.\d+$/);
    expect(found?.archive).toMatch(/@sparticuz\/chromium\/bin\/chromium\.br$/);
  });

  it('elsewhere: a Chrome or Chromium installed in the usual places', () => {
    expect(findChromium({ env: {}, platform: 'linux', arch: 'arm64', exists: (f) => f === '/usr/bin/chromium' })).toEqual({ origin: '/usr/bin/chromium', executable: '/usr/bin/chromium' });
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findChromium({ env: {}, platform: 'darwin', arch: 'arm64', exists: (f) => f === mac })?.executable).toBe(mac);
    const windows = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    expect(findChromium({ env: { PROGRAMFILES: 'C:\\Program Files' }, platform: 'win32', arch: 'x64', exists: (f) => f === windows })?.executable).toBe(windows);
  });

  it('none: undefined (the tests skip), unless SPECMILL_REQUIRE_BROWSER=1 makes it a failure', () => {
    expect(requireOrSkipBrowser({ env: {}, platform: 'darwin', exists: nothing })).toBeUndefined();
    expect(() => requireOrSkipBrowser({ env: { SPECMILL_REQUIRE_BROWSER: '1' }, platform: 'darwin', exists: nothing })).toThrow(/^SPECMILL_REQUIRE_BROWSER=1, and no Chrome or Chromium/);
  });
});

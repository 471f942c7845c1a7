// SPDX-License-Identifier: Apache-2.0
// What every browser test shares: Debian's Chromium through playwright-core, the
// address of the a6kb-searchd that run.sh started, polling assertions, screenshots.
// Run the tests through run.sh (or see README.md for running them by hand).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function need(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the browser tests with tests/browser/run.sh (see tests/browser/README.md)`);
  return v;
}

// run.sh installs node_modules in the build tree (A6KB_NODE_PREFIX); by hand, `npm ci` in
// tests/browser works too.
const prefix = process.env.A6KB_NODE_PREFIX || here;
const require = createRequire(path.join(prefix, 'package.json'));
const { chromium } = require('playwright-core');

// A package from the same node_modules as playwright-core (axe-core, for lib/axe.mjs).
export const nodeModule = (name) => require(name);

export const BASE = need('A6KB_BASE_URL').replace(/\/$/, '');
export const ORIGIN = new URL(BASE).origin;
export const CHROMIUM = process.env.A6KB_CHROMIUM || '/usr/bin/chromium';
export const SCREENSHOTS = process.env.A6KB_SCREENSHOTS || path.join(here, 'browser-screenshots');

// The pages of the site and an address for each, as a visitor reaches them.
export const PAGES = {
  home: '/',
  results: '/search?q=corresponding+adjustment',
  document: '/doc/3-cma-3',
  labs: '/labs',
  arrangements: '/arrangements',
  rulebook: '/rulebook',
  about: '/about',
};

export const url = (p) => BASE + p;

// One headless Chromium per test file. Playwright's launch() gives it a fresh temporary
// profile (user data dir) that it deletes on close; each newContext() is a fresh,
// empty-cache browsing context on top.
export async function launch() {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Chromium with scripts/setup (apt-get install chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
           '--disable-component-update', '--disable-sync'],
  });
}

// A context whose pages fail fast (10 s) rather than after Playwright's 30 s default.
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  return context;
}

// Polls fn until it returns without throwing (an assert) and returns its value; on time-out
// throws the last assertion error, so the failure says what was expected.
export async function eventually(fn, { timeout = 10_000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

// "18 records" -> 18
export async function totalOf(page) {
  const text = await page.locator('#results .total strong').innerText();
  const m = /^(?:about )?([\d,]+) records?$/.exec(text.trim());
  assert.ok(m, `unexpected total "${text}"`);
  return Number(m[1].replace(/,/g, ''));
}

// The counts the filter sidebar shows for one facet: {value: count}.
export async function facetCounts(page, facet) {
  return page.locator(`#filters input[name="${facet}"]`).evaluateAll((inputs) =>
    Object.fromEntries(inputs.map((i) => [i.value, Number(i.labels[0].querySelector('.count').textContent.replace(/,/g, ''))])));
}

// Hit ids in page order.
export async function hitIds(page) {
  return page.locator('#results .hit-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href').replace(/^\/doc\//, '')));
}

// A full-page screenshot kept under the build dir; the test prints its path.
export async function screenshot(t, page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  t.diagnostic(`screenshot ${file}`);
  return file;
}

// Fails the test when the page opens a dialog (alert, confirm, prompt).
export function noDialogs(page) {
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  return dialogs;
}

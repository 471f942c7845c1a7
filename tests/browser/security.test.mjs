// SPDX-License-Identifier: Apache-2.0
// Hostile input is shown as text, never run; pages carry a strict Content-Security-Policy;
// unknown addresses get a friendly 404 with a search box.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch, newContext, noDialogs, PAGES, url } from './lib/harness.mjs';

const SCRIPT = '<script>alert(1)</script>';
const ATTR = '"><img src=x onerror=alert(2)>';
const IMG = '<img src=x onerror=alert(3)>';

function checkCsp(res) {
  const csp = res.headers()['content-security-policy'];
  assert.ok(csp, `${res.url()} has a Content-Security-Policy header`);
  assert.doesNotMatch(csp, /unsafe-inline/, 'no unsafe-inline');
  assert.doesNotMatch(csp, /unsafe-eval/, 'no unsafe-eval');
  assert.match(csp, /(^|;)\s*script-src 'self'(;|$)/, 'scripts only from the site');
  assert.match(csp, /(^|;)\s*default-src 'none'(;|$)/);
}

describe('security', () => {
  let browser, context;
  before(async () => {
    browser = await launch();
    context = await newContext(browser);
  });
  after(async () => browser?.close());

  test(`/search?q=${SCRIPT} shows the query as text and runs nothing`, async () => {
    const page = await context.newPage();
    const dialogs = noDialogs(page);
    const res = await page.goto(url(`/search?q=${encodeURIComponent(SCRIPT)}`));
    assert.equal(res.status(), 200);
    checkCsp(res);
    assert.equal(await page.locator('#q').inputValue(), SCRIPT, 'the search box holds the query as typed');
    assert.equal(await page.title(), `${SCRIPT} — search · a6kb`, 'the title shows it as text');
    assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script element was injected');
    assert.deepEqual(await page.locator('script').evaluateAll((ss) => ss.map((s) => new URL(s.src).pathname)), ['/static/a6kb.js']);
    // The page is fully scripted (a6kb.js ran) and still no dialog.
    assert.equal(await page.locator('html').getAttribute('class'), 'js');
    assert.deepEqual(dialogs, []);
  });

  test('markup stays text in attributes and on the 404 page', async () => {
    const page = await context.newPage();
    const dialogs = noDialogs(page);
    await page.goto(url(`/search?q=${encodeURIComponent(ATTR)}`));
    assert.equal(await page.locator('#q').inputValue(), ATTR);
    assert.equal(await page.locator('img').count(), 0, 'no <img> was injected');

    // (An id with a slash is no document address at all: the plain 404.)
    const res = await page.goto(url(`/doc/${encodeURIComponent(IMG)}`));
    assert.equal(res.status(), 404);
    checkCsp(res);
    assert.match(await page.locator('.error p').first().innerText(), /no record with the id “<img src=x onerror=alert\(3\)>”/);
    assert.equal(await page.locator('img').count(), 0);
    assert.deepEqual(dialogs, []);
  });

  test('every page carries the policy', async () => {
    const page = await context.newPage();
    for (const p of [...Object.values(PAGES), '/no-such-page']) checkCsp(await page.goto(url(p)));
  });

  test('an unknown page is a friendly 404 with a search box', async () => {
    const page = await context.newPage();
    const res = await page.goto(url('/no-such-page'));
    assert.equal(res.status(), 404);
    assert.match(res.headers()['content-type'], /^text\/html/);
    assert.equal(await page.title(), 'Not found · a6kb');
    assert.equal(await page.locator('h1').innerText(), 'Page not found');
    assert.match(await page.locator('main').innerText(), /There is no page at this address/);
    assert.equal(await page.getByRole('navigation', { name: 'Site' }).count(), 1, 'the site header is there');
    const box = page.getByRole('searchbox', { name: 'Search the knowledge base' });
    await box.fill('cookstoves');
    await box.press('Enter');
    await page.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('q') === 'cookstoves');
    assert.equal(await page.locator('#q').inputValue(), 'cookstoves');
  });
});

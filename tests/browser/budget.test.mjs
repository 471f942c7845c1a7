// SPDX-License-Identifier: Apache-2.0
// Each page, loaded with an empty cache, transfers under 100 KB in all (HTML, CSS, JS,
// icons), and asks nothing of any other host.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eventually, launch, newContext, ORIGIN, PAGES, url } from './lib/harness.mjs';

const BUDGET = 100_000;  // bytes on the wire, headers included

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

// Loads path in a fresh context and returns what went over the wire.
async function measure(browser, path, interact) {
  const context = await newContext(browser);
  const page = await context.newPage();
  const seen = [];
  context.on('request', (req) => {
    const entry = { url: req.url(), type: req.resourceType(), bytes: 0, done: false };
    seen.push(entry);
    req.response()
      .then(async (res) => {
        if (res) {
          const s = await req.sizes();
          entry.bytes = s.responseHeadersSize + s.responseBodySize;
          entry.status = res.status();
        }
      })
      .catch((e) => { entry.error = String(e); })
      .finally(() => { entry.done = true; });
  });
  context.on('requestfailed', (req) => {
    const entry = seen.find((e) => e.url === req.url());
    if (entry) entry.failed = req.failure()?.errorText;
  });
  await page.goto(url(path));
  if (interact) await interact(page);
  // Every request that started has ended (the icon may be asked for after "load").
  const allDone = () => eventually(() => assert.ok(seen.every((e) => e.done), 'requests still running'));
  await allDone();
  // An icon the browser did not fetch (headless may skip it) is counted as if it had.
  const icons = await page.locator('link[rel~="icon"]').evaluateAll((ls) => ls.map((l) => l.href));
  for (const icon of icons) {
    if (seen.some((e) => e.url === icon)) continue;
    const res = await context.request.get(icon);
    const headers = res.headersArray().reduce((n, h) => n + h.name.length + h.value.length + 4, 0);
    seen.push({ url: icon, type: 'icon (fetched by the test)', bytes: headers + (await res.body()).length, status: res.status(), done: true });
  }
  await allDone();
  await context.close();
  return seen;
}

describe('page weight and hosts', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => browser?.close());

  for (const [name, path] of Object.entries(PAGES)) {
    test(`${name} (${path}) transfers under 100 KB, all from ${new URL(ORIGIN).host}`, async (t) => {
      const seen = await measure(browser, path);
      const total = seen.reduce((n, e) => n + e.bytes, 0);
      t.diagnostic(`${name}: ${kb(total)} in ${seen.length} requests: ` +
        seen.map((e) => `${new URL(e.url).pathname} ${kb(e.bytes)}`).join(', '));
      for (const e of seen) {
        assert.equal(new URL(e.url).origin, ORIGIN, `${e.url} is on another host`);
        assert.equal(e.failed, undefined, `${e.url} failed: ${e.failed}`);
        assert.equal(e.status, 200, `${e.url} answered ${e.status}`);
      }
      const paths = seen.map((e) => new URL(e.url).pathname);
      for (const p of ['/static/a6kb.css', '/static/a6kb.js', '/static/favicon.svg'])
        assert.ok(paths.includes(p), `${p} is part of the page (${paths.join(', ')})`);
      assert.ok(total > 5_000, `the measure is real: ${total} bytes`);
      assert.ok(total < BUDGET, `${name} transfers ${kb(total)}, over the 100 KB budget`);
    });
  }

  test('search-as-you-type asks only this host too', async () => {
    const seen = await measure(browser, '/', async (page) => {
      await page.locator('#q').pressSequentially('cookstove');
      await page.getByRole('listbox').waitFor({ state: 'visible' });
    });
    assert.ok(seen.some((e) => new URL(e.url).pathname === '/api/v1/suggest'), 'suggestions were fetched');
    for (const e of seen) assert.equal(new URL(e.url).origin, ORIGIN, `${e.url} is on another host`);
  });
});

// SPDX-License-Identifier: Apache-2.0
// Document pages: reached from a result; the metadata table; the official link;
// "Cited by" and "Versions" links to other document pages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch, newContext, url } from './lib/harness.mjs';

// The rows of the Details table: {label: value}.
async function details(page) {
  return page.locator('table.meta-table tr').evaluateAll((rows) =>
    Object.fromEntries(rows.map((r) => [r.querySelector('th').textContent.trim(), r.querySelector('td').textContent.trim()])));
}

describe('document page', () => {
  let browser, context;
  before(async () => {
    browser = await launch();
    context = await newContext(browser);
  });
  after(async () => browser?.close());

  test('a result opens its document page with the metadata table', async () => {
    const page = await context.newPage();
    await page.goto(url('/search?q=3%2FCMA.3'));
    const first = page.locator('#results .hit-title a').first();
    assert.match(await first.innerText(), /^3\/CMA\.3 /, 'the symbol ranks first');
    await first.click();
    await page.waitForURL((u) => u.pathname === '/doc/3-cma-3');
    assert.match(await page.locator('h1').innerText(), /^3\/CMA\.3 Rules, modalities and procedures for the mechanism established by Article 6, paragraph 4/);
    assert.match(await page.title(), /^3\/CMA\.3: Rules, modalities .* · a6kb$/);
    const d = await details(page);
    assert.equal(d.Symbol, '3/CMA.3, FCCC/PA/CMA/2021/10/Add.1');
    assert.equal(d.Type, 'Decision');
    assert.equal(d.Date, '13 Nov 2021');
    assert.equal(d.Source, 'catalog/decisions.catalog.xml');
    assert.ok(d.Mechanism?.length > 0 && d.Topics?.length > 0, `mechanism and topics are listed: ${JSON.stringify(d)}`);
    // Breadcrumb to the records of the same type.
    assert.equal(await page.locator('.crumbs a', { hasText: 'Decision' }).getAttribute('href'), '/search?type=decision');
  });

  test('"Cited by" links lead to the citing document, which cites this one back', async () => {
    const page = await context.newPage();
    await page.goto(url('/doc/3-cma-3'));
    const section = page.getByRole('region', { name: /^Cited by \(\d+\)$/ });
    const heading = await section.getByRole('heading').innerText();
    const n = Number(/\((\d+)\)/.exec(heading)[1]);
    const links = section.getByRole('link');
    assert.equal(await links.count(), n, 'the heading counts the links');
    const link = links.first();
    const target = await link.getAttribute('href');
    assert.match(target, /^\/doc\/[^/]+$/);
    assert.notEqual(target, '/doc/3-cma-3');
    const title = await link.innerText();
    await link.click();
    await page.waitForURL((u) => u.pathname === target);
    assert.equal(await page.locator('h1').innerText(), title, 'the page of the record that was linked');
    const back = page.getByRole('region', { name: 'Cites' }).locator('a[href="/doc/3-cma-3"]');
    assert.ok((await back.count()) >= 1, 'the citing document lists 3/CMA.3 under Cites');
    await back.first().click();
    await page.waitForURL((u) => u.pathname === '/doc/3-cma-3');
  });

  test('a methodology: official link, versions, an older version page', async () => {
    const page = await context.newPage();
    await page.goto(url('/search?q=AMS-III.D'));
    const hit = page.locator('#results .hit').first();
    assert.match(await hit.locator('.hit-title').innerText(), /^AMS-III\.D Methane recovery in animal manure management systems$/);
    assert.equal(await hit.getByRole('link', { name: '2 versions' }).count(), 1, 'the hit says how many versions there are');
    await hit.locator('.hit-title a').click();
    await page.waitForURL((u) => u.pathname === '/doc/ams-iii-d-v22-0');

    const official = page.getByRole('link', { name: 'Official document' });
    const href = await official.getAttribute('href');
    assert.equal(new URL(href).protocol, 'https:');
    assert.equal(new URL(href).hostname, 'cdm.unfccc.int');
    assert.equal(await official.getAttribute('rel'), 'noopener');
    let d = await details(page);
    assert.equal(d.Symbol, 'AMS-III.D');
    assert.equal(d.Version, '22.0 (latest)');
    assert.equal(d.Type, 'Methodology');
    assert.match(d['Sectoral scopes'], /^13 /);

    // The version history links the other versions (their numbers: see the test below).
    const versions = page.getByRole('region', { name: 'Versions' });
    assert.equal(await versions.locator('li').count(), 2);
    assert.match(await versions.locator('li').first().innerText(), /\(this page\) · latest$/);
    const older = versions.locator('a[href="/doc/ams-iii-d-v21-0"]');
    assert.match(await older.locator('xpath=..').innerText(), /· 26 Sep 2017$/);
    await older.click();
    await page.waitForURL((u) => u.pathname === '/doc/ams-iii-d-v21-0');
    d = await details(page);
    assert.equal(d.Version, '21.0', 'an older version is not marked latest');
    assert.equal(await page.getByRole('link', { name: 'Official document' }).count(), 0, 'no official address for this one');
    assert.equal(await versions.locator('a[href="/doc/ams-iii-d-v22-0"]').count(), 1, 'it links the latest version');
  });

  test('the Versions list names each version', async () => {
    const page = await context.newPage();
    await page.goto(url('/doc/ams-iii-d-v22-0'));
    const versions = page.getByRole('region', { name: 'Versions' });
    assert.deepEqual(await versions.locator('li').allInnerTexts(), ['Version 22.0 (this page) · latest', 'Version 21.0 · 26 Sep 2017']);
    assert.equal(await versions.getByRole('link', { name: 'Version 21.0' }).getAttribute('href'), '/doc/ams-iii-d-v21-0');
  });

  test('the "2 versions" link of a hit opens the version history, newest first', async () => {
    const page = await context.newPage();
    await page.goto(url('/search?q=AMS-III.D'));
    await page.locator('#results .hit').first().getByRole('link', { name: '2 versions' }).click();
    await page.waitForURL((u) => u.pathname === '/doc/ams-iii-d-v22-0' && u.hash === '#versions');
    const versions = page.getByRole('region', { name: 'Versions' });
    assert.deepEqual(await versions.locator('li').allInnerTexts(), ['Version 22.0 (this page) · latest', 'Version 21.0 · 26 Sep 2017']);
  });

  test('an unknown id is a friendly 404', async () => {
    const page = await context.newPage();
    const res = await page.goto(url('/doc/no-such-record'));
    assert.equal(res.status(), 404);
    assert.equal(await page.locator('h1').innerText(), 'Page not found');
    assert.match(await page.locator('.error p').first().innerText(), /no record with the id “no-such-record”/);
    assert.equal(await page.getByRole('searchbox', { name: 'Search the knowledge base' }).count(), 1);
  });
});

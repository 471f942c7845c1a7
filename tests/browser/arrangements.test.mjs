// SPDX-License-Identifier: Apache-2.0
// The cooperative approaches page (the host x acquiring Party matrix of the shipped
// Article 6.2 arrangements, whose cells lead to a search for them) and the country
// facet of the results page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eventually, facetCounts, hitIds, launch, newContext, totalOf, url } from './lib/harness.mjs';

describe('cooperative approaches page', () => {
  let browser, context;
  before(async () => {
    browser = await launch();
    context = await newContext(browser);
  });
  after(async () => browser?.close());

  test('is linked from every page and shows the host x acquirer matrix', async () => {
    const page = await context.newPage();
    await page.goto(url('/'));
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Cooperative approaches' }).click();
    await page.waitForURL((u) => u.pathname === '/arrangements');
    assert.equal(await page.locator('h1').innerText(), 'Cooperative approaches');
    const matrix = page.locator('table.matrix');
    const columns = await matrix.locator('thead th').allInnerTexts();
    const rows = await matrix.locator('tbody th[scope=row]').allInnerTexts();
    for (const acquirer of ['Japan', 'Singapore', 'Switzerland', 'Sweden', 'Norway', 'Republic of Korea'])
      assert.ok(columns.includes(acquirer), `${acquirer} is an acquiring Party column: ${JSON.stringify(columns)}`);
    assert.ok(rows.length > 50, `a row per host Party, got ${rows.length}`);
    assert.deepEqual(rows, [...rows].sort((a, b) => a.localeCompare(b, 'en')), 'host Parties in alphabetical order');
    const cells = await matrix.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.querySelector('a')?.textContent ?? 0))));
    const total = cells.flat().reduce((a, b) => a + b, 0);
    assert.match(await page.locator('.lead').innerText(), new RegExp(`\\b${total} arrangements between`), 'the cells add up to the total the page states');
    // Singapore has both an MoU and an implementation agreement with Peru.
    assert.equal(cells[rows.indexOf('Peru')][columns.indexOf('Singapore')], 2);
  });

  test('a cell leads to the arrangements between its two Parties', async () => {
    const page = await context.newPage();
    await page.goto(url('/arrangements'));
    await page.getByRole('link', { name: 'Arrangements between Ghana (host) and Switzerland (acquirer): 1' }).click();
    await page.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('host') === 'gh' &&
      u.searchParams.get('acquirer') === 'ch' && u.searchParams.get('type') === 'arrangement');
    assert.equal(await totalOf(page), 1);
    assert.deepEqual(await hitIds(page), ['a6-2-gh-ch-bilateral-agreement']);
    await page.locator('#results .hit-title a').first().click();
    await page.waitForURL((u) => u.pathname === '/doc/a6-2-gh-ch-bilateral-agreement');
    const meta = await page.locator('main').innerText();
    assert.match(meta, /Host Party\s+Ghana/, 'the role is shown on the record');
    assert.match(meta, /Acquiring Party\s+Switzerland/);
    assert.match(meta, /disagree/i, 'the disagreement between sources is shown');
    // The transfer under it cites it.
    assert.ok(await page.getByRole('link', { name: /^Issuance and transfer from Ghana to Switzerland/ }).count() >= 1,
      'the cookstove transfer is listed as citing the arrangement');
  });
});

describe('country facet on the results page', () => {
  let browser, context;
  before(async () => {
    browser = await launch();
    context = await newContext(browser);
  });
  after(async () => browser?.close());

  test('ticking a country filters to its records, the count it showed', async () => {
    const page = await context.newPage();
    await page.goto(url('/search?q=agreement'));
    const counts = await facetCounts(page, 'country');
    assert.ok(counts.gh > 0 && counts.ch > counts.gh, `Ghana and Switzerland are counted: ${JSON.stringify({ gh: counts.gh, ch: counts.ch })}`);
    // The country group starts closed (197 values): open it as a person would.
    await page.locator('#filters details.facet > summary', { hasText: 'Country (Party)' }).click();
    await page.locator('#filters').getByRole('checkbox', { name: /^Ghana\b/ }).click();
    await page.waitForURL((u) => u.searchParams.getAll('country').join() === 'gh');
    await eventually(async () => assert.equal(await totalOf(page), counts.gh));
    const chip = page.getByRole('list', { name: 'Active filters' }).getByRole('link', { name: 'Remove filter Country (Party): Ghana' });
    assert.equal(await chip.count(), 1, 'a chip names the country');
    // Disjunctive: the other countries keep their counts, so a second one can be added.
    const after = await facetCounts(page, 'country');
    assert.equal(after.ch, counts.ch);
  });
});

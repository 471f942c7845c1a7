// SPDX-License-Identifier: Apache-2.0
// The results page: highlighted hits, filters that update the results in place
// (disjunctive counts, chips, the address), the pager and the sort.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eventually, facetCounts, hitIds, launch, newContext, noDialogs, PAGES, totalOf, url } from './lib/harness.mjs';

const GROUP = 'governments-dnas';
const GROUP_LABEL = 'Governments and Designated National Authorities';

describe('results page', () => {
  let browser, context;
  before(async () => {
    browser = await launch();
    context = await newContext(browser);
  });
  after(async () => browser?.close());

  test('a query shows hits with <mark> highlights', async () => {
    const page = await context.newPage();
    await page.goto(url(PAGES.results));
    assert.ok((await totalOf(page)) > 10, 'more than one page of records');
    assert.equal(await page.locator('#results .hit').count(), 10, 'ten hits on a page');
    const marks = await page.locator('#results .hit .snippet mark').allInnerTexts();
    assert.ok(marks.length >= 5, `snippets highlight the query, got ${marks.length} <mark>s`);
    for (const m of marks) assert.match(m, /correspond|adjust|\bCAs?\b/i, `"${m}" is a word of the query (or its acronym)`);
    // The snippet is markup the server made: the <mark> elements are real elements, not escaped text.
    assert.equal(await page.locator('#results .snippet', { hasText: '<mark>' }).count(), 0);
    await page.close();
  });

  test('ticking a stakeholder group filters in place; its counts stay (disjunctive); unticking restores', async () => {
    const page = await context.newPage();
    const dialogs = noDialogs(page);
    await page.goto(url(PAGES.results));
    const firstTotal = await totalOf(page);
    const firstIds = await hitIds(page);
    const groupCounts = await facetCounts(page, 'group');
    const typeCounts = await facetCounts(page, 'type');
    assert.ok(groupCounts[GROUP] > 0 && groupCounts[GROUP] < firstTotal, `the ${GROUP} filter narrows (${groupCounts[GROUP]} of ${firstTotal})`);
    // Survives only if the page is not reloaded.
    await page.evaluate(() => { window.__a6kbMarker = 'still here'; });

    const box = () => page.locator('#filters').getByRole('checkbox', { name: new RegExp(`^${GROUP_LABEL}`) });
    await box().click();
    await page.waitForURL((u) => u.searchParams.getAll('group').join() === GROUP && u.searchParams.get('q') === 'corresponding adjustment');
    await eventually(async () => assert.equal(await totalOf(page), groupCounts[GROUP], 'the new total is the count the filter showed'));
    assert.equal(await page.evaluate(() => window.__a6kbMarker), 'still here', 'no full page reload');
    assert.equal(await page.evaluate(() => document.body.hasAttribute('aria-busy')), false);
    const chip = page.getByRole('list', { name: 'Active filters' }).getByRole('link', { name: `Remove filter Stakeholder group: ${GROUP_LABEL}` });
    assert.equal(await chip.count(), 1, 'a chip shows the filter');
    assert.ok(await box().isChecked(), 'the box stays ticked');
    assert.deepEqual(await facetCounts(page, 'group'), groupCounts, 'the ticked facet keeps its counts (disjunctive)');
    const narrowedTypes = await facetCounts(page, 'type');
    assert.ok(Object.entries(narrowedTypes).every(([t, n]) => n <= (typeCounts[t] ?? 0)), 'other facets are counted on the selection');
    assert.notDeepEqual(narrowedTypes, typeCounts, 'other facets change with the selection');
    for (const g of await page.locator('#results .hit').evaluateAll((hs) => hs.map((h) => h.querySelector('.groups')?.textContent ?? '')))
      assert.ok(g.includes(GROUP_LABEL), `every hit is for ${GROUP_LABEL}: "${g}"`);
    assert.match(await page.title(), /^corresponding adjustment — search · a6kb$/);

    await box().click();
    await page.waitForURL((u) => !u.searchParams.has('group') && u.searchParams.get('q') === 'corresponding adjustment');
    await eventually(async () => assert.equal(await totalOf(page), firstTotal, 'back to the first total'));
    assert.deepEqual(await hitIds(page), firstIds, 'and the first hits');
    assert.equal(await page.getByRole('list', { name: 'Active filters' }).count(), 0, 'no chips left');
    assert.equal(await page.evaluate(() => window.__a6kbMarker), 'still here', 'still no full page reload');

    // The back button follows the filters too.
    await box().click();
    await page.waitForURL((u) => u.searchParams.get('group') === GROUP);
    await eventually(async () => assert.equal(await totalOf(page), groupCounts[GROUP]));
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('group'));
    await eventually(async () => assert.equal(await totalOf(page), firstTotal, 'Back shows the unfiltered results again'));
    assert.equal(await box().isChecked(), false);
    assert.deepEqual(dialogs, []);
    await page.close();
  });

  test('keyboard: ticking a filter with Space keeps the focus on it', async () => {
    const page = await context.newPage();
    await page.goto(url(PAGES.results));
    await page.locator(`#f-group-${GROUP}`).focus();
    await page.keyboard.press('Space');
    await page.waitForURL((u) => u.searchParams.get('group') === GROUP);
    assert.equal(await page.evaluate(() => document.activeElement.id), `f-group-${GROUP}`, 'focus stays on the ticked box');
    await page.close();
  });

  test('the results stay one live region, so screen readers hear the update', async () => {
    const page = await context.newPage();
    await page.goto(url(PAGES.results));
    const live = await page.$('#results[aria-live]');
    assert.ok(live, 'the results are a live region');
    await page.locator(`#f-group-${GROUP}`).click();
    await page.waitForURL((u) => u.searchParams.get('group') === GROUP);
    assert.equal(await live.evaluate((e) => e.isConnected), true, 'the live region that was announced into is still in the page');
    await page.close();
  });

  test('the Next link goes to page 2', async () => {
    const page = await context.newPage();
    await page.goto(url(PAGES.results));
    const total = await totalOf(page);
    const pages = Math.ceil(total / 10);
    const pager = page.getByRole('navigation', { name: 'Pages' });
    assert.equal(await pager.locator('span').innerText(), `Page 1 of ${pages}`);
    assert.equal(await pager.getByRole('link', { name: /Previous/ }).count(), 0, 'no Previous on page 1');
    const firstIds = await hitIds(page);
    await pager.getByRole('link', { name: /Next/ }).click();
    await page.waitForURL((u) => u.searchParams.get('page') === '2' && u.searchParams.get('q') === 'corresponding adjustment');
    assert.equal(await pager.locator('span').innerText(), `Page 2 of ${pages}`);
    const secondIds = await hitIds(page);
    assert.equal(secondIds.length, pages === 2 ? total - 10 : 10);
    assert.deepEqual(secondIds.filter((id) => firstIds.includes(id)), [], 'page 2 shows other records');
    assert.equal(await pager.getByRole('link', { name: /Previous/ }).count(), 1);
    assert.equal(await totalOf(page), total, 'the total does not change with the page');
    await page.close();
  });

  test('sorting by newest reorders by date', async () => {
    const page = await context.newPage();
    await page.goto(url(PAGES.results));
    await page.evaluate(() => { window.__a6kbMarker = 'still here'; });
    await page.getByLabel('Sort').selectOption('newest');
    await page.waitForURL((u) => u.searchParams.get('sort') === 'newest');
    await eventually(async () => assert.equal(await page.getByLabel('Sort').inputValue(), 'newest'));
    assert.equal(await page.evaluate(() => window.__a6kbMarker), 'still here', 'no full page reload');
    const dates = await page.locator('#results .hit').evaluateAll((hits) =>
      hits.map((h) => h.querySelector('.hit-meta time')?.getAttribute('datetime') ?? null));
    const dated = dates.filter(Boolean);
    assert.ok(dated.length >= 2, `hits with dates, got ${JSON.stringify(dates)}`);
    assert.deepEqual(dated, [...dated].sort().reverse(), 'newest first');
    const firstUndated = dates.indexOf(null);
    assert.ok(firstUndated === -1 || dates.slice(firstUndated).every((d) => d === null), `undated records come after dated ones: ${JSON.stringify(dates)}`);
    await page.close();
  });
});

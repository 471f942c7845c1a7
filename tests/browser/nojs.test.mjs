// SPDX-License-Identifier: Apache-2.0
// With JavaScript off the site still works: plain forms and addresses.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { facetCounts, launch, newContext, PAGES, totalOf, url } from './lib/harness.mjs';

describe('without JavaScript', () => {
  let browser, context;
  before(async () => {
    browser = await launch();
    context = await newContext(browser, { javaScriptEnabled: false });
  });
  after(async () => browser?.close());

  test('search from the home page, filter with "Apply filters", sort, and remove the filter chip', async () => {
    const page = await context.newPage();
    await page.goto(url('/'));
    assert.equal(await page.locator('html').getAttribute('class'), null, 'a6kb.js did not run (it adds class "js")');
    await page.getByRole('searchbox', { name: /^Search decisions/ }).fill('corresponding adjustment');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('q') === 'corresponding adjustment');
    const firstTotal = await totalOf(page);
    const groups = await facetCounts(page, 'group');
    assert.equal(await page.getByRole('listbox').isVisible(), false, 'no suggestion list without scripts');

    const apply = page.getByRole('button', { name: 'Apply filters' });
    assert.ok(await apply.isVisible(), 'the Apply filters button shows when scripts are off');
    await page.locator('#filters').getByRole('checkbox', { name: /^Governments and Designated National Authorities/ }).check();
    assert.equal(new URL(page.url()).searchParams.has('group'), false, 'ticking alone does nothing without scripts');
    await apply.click();
    await page.waitForURL((u) => u.searchParams.get('group') === 'governments-dnas' && u.searchParams.get('q') === 'corresponding adjustment');
    assert.equal(await totalOf(page), groups['governments-dnas'], 'the filtered total is the count the filter showed');
    assert.ok(await page.locator('#f-group-governments-dnas').isChecked());
    const chip = page.getByRole('link', { name: 'Remove filter Stakeholder group: Governments and Designated National Authorities' });
    assert.equal(await chip.count(), 1);

    await page.getByLabel('Sort').selectOption('newest');
    await apply.click();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'newest' && u.searchParams.get('group') === 'governments-dnas');
    assert.equal(await page.getByLabel('Sort').inputValue(), 'newest');
    assert.equal(await totalOf(page), groups['governments-dnas']);

    await chip.click();
    await page.waitForURL((u) => !u.searchParams.has('group') && u.searchParams.get('q') === 'corresponding adjustment');
    assert.equal(await totalOf(page), firstTotal);
  });

  test('a filtered search is a plain address', async () => {
    const page = await context.newPage();
    await page.goto(url(`${PAGES.results}&group=DNA&type=glossary`));
    assert.ok(await page.locator('#f-group-governments-dnas').isChecked(), 'an acronym selects its group');
    assert.ok(await page.locator('#f-type-glossary').isChecked());
    assert.ok((await totalOf(page)) > 0);
    for (const badge of await page.locator('#results .hit .badge').allInnerTexts()) assert.equal(badge, 'Glossary');
  });
});

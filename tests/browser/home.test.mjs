// SPDX-License-Identifier: Apache-2.0
// The home page: a labelled search box, suggestions as you type, Enter to search.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eventually, launch, newContext, noDialogs, totalOf, url } from './lib/harness.mjs';

describe('home page', () => {
  let browser, context, page, dialogs;
  before(async () => {
    browser = await launch();
    context = await newContext(browser);
  });
  after(async () => browser?.close());

  test('the search box has a label', async () => {
    page = await context.newPage();
    dialogs = noDialogs(page);
    await page.goto(url('/'));
    // With the script the box is an ARIA combobox (role, list, autocomplete); the
    // page without it keeps a plain search box (nojs.test.mjs).
    const box = page.getByRole('combobox', { name: 'Search decisions, methodologies, standards and labs' });
    assert.equal(await box.count(), 1, 'one search box named by its <label>');
    assert.equal(await box.getAttribute('id'), 'q');
    assert.equal(await box.getAttribute('aria-controls'), await page.getByRole('listbox', { includeHidden: true }).getAttribute('id'));
    assert.equal(await box.getAttribute('aria-autocomplete'), 'list');
    assert.equal(await box.getAttribute('aria-expanded'), 'false');
    // Clicking the label focuses the box: the label is really tied to it.
    await page.locator('label[for="q"]').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q');
  });

  test('typing "ams-iii" shows AMS-III.* suggestions; arrow and Enter open one', async () => {
    await page.goto(url('/'));
    const box = page.locator('#q');
    const list = page.getByRole('listbox');
    assert.equal(await list.isVisible(), false, 'no suggestions before typing');
    await box.pressSequentially('ams-iii');
    await list.waitFor({ state: 'visible' });
    const options = list.getByRole('option');
    // (The list may first show the answer to a shorter prefix while typing.)
    const texts = await eventually(async () => {
      const all = await options.allInnerTexts();
      assert.ok(all.length >= 3, `at least three suggestions, got ${JSON.stringify(all)}`);
      for (const t of all) assert.match(t, /^AMS-III\.[A-Z]+ — /, `suggestion "${t}" is an AMS-III methodology`);
      return all;
    });
    assert.equal(await box.getAttribute('aria-expanded'), 'true');

    // The combobox works from the keyboard: ArrowDown marks the first option, Enter opens it.
    await box.press('ArrowDown');
    const first = options.first();
    assert.equal(await first.getAttribute('aria-selected'), 'true');
    assert.equal(await box.getAttribute('aria-activedescendant'), await first.getAttribute('id'));
    const symbol = /^(AMS-III\.[A-Z]+)/.exec(texts[0])[1];
    await box.press('Enter');
    await page.waitForURL(/\/doc\/ams-iii-/);
    assert.match(await page.locator('h1').innerText(), new RegExp(`^${symbol.replace('.', '\\.')} `));
  });

  test('clicking a suggestion opens that document', async () => {
    await page.goto(url('/'));
    await page.locator('#q').pressSequentially('ams-iii.d');
    const option = page.getByRole('option', { name: /^AMS-III\.D — Methane recovery in animal manure/ });
    await option.click();
    await page.waitForURL((u) => u.pathname === '/doc/ams-iii-d-v22-0');
  });

  test('Escape closes the suggestions', async () => {
    await page.goto(url('/'));
    const box = page.locator('#q');
    await box.pressSequentially('tool');
    await page.getByRole('listbox').waitFor({ state: 'visible' });
    await box.press('Escape');
    await page.getByRole('listbox').waitFor({ state: 'hidden' });
    assert.equal(await box.getAttribute('aria-expanded'), 'false');
  });

  test('Enter on a query lands on /search?q=...', async () => {
    await page.goto(url('/'));
    await page.locator('#q').fill('corresponding adjustment');
    await page.locator('#q').press('Enter');
    await page.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('q') === 'corresponding adjustment');
    assert.equal(await page.locator('#q').inputValue(), 'corresponding adjustment', 'the query stays in the box');
    assert.ok((await totalOf(page)) > 0, 'the query finds records');
    assert.match(await page.title(), /^corresponding adjustment — search · a6kb$/);
    assert.deepEqual(dialogs, []);
  });
});

// SPDX-License-Identifier: Apache-2.0
// The labs page: the lab, its roundtables and questions, and the who-asked-whom matrix,
// whose cells (filled by tests/browser/fixtures/labs.catalog.xml) lead to the questions.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hitIds, launch, newContext, totalOf, url } from './lib/harness.mjs';

const DNAS = 'Governments and Designated National Authorities';
const BANKS = 'Multilateral and regional development banks';

describe('labs page', () => {
  let browser, context;
  before(async () => {
    browser = await launch();
    context = await newContext(browser);
  });
  after(async () => browser?.close());

  test('shows the lab, its roundtables and its questions', async () => {
    const page = await context.newPage();
    await page.goto(url('/labs'));
    assert.equal(await page.locator('h1').innerText(), 'Implementation labs');
    const lab = page.getByRole('region', { name: /^Article 6 implementation lab 1: / });
    assert.equal(await lab.count(), 1, 'the lab of corpus/labs is shown');
    assert.equal(await lab.getByRole('heading', { level: 2 }).getByRole('link').getAttribute('href'), '/doc/a6-lab-2025-01');
    assert.match(await lab.locator('.hit-meta').innerText(), /21 May 2025 · Planned/);

    const roundtables = lab.locator('h3:text-is("Roundtables") + ul.cards > li');
    assert.equal(await roundtables.count(), 5, 'five roundtables, one per stakeholder group');
    for (const t of await roundtables.allInnerTexts()) assert.match(t, /^Roundtable: /);

    const questions = await lab.locator('ul.questions > li > a').allInnerTexts();
    for (const q of ['Question A: ', 'Question B: ', 'Question C: ', 'Question D: ', 'Test question E: ', 'Test question G: '])
      assert.ok(questions.some((t) => t.startsWith(q)), `"${q}..." is among the questions: ${JSON.stringify(questions)}`);
    assert.match(await lab.locator('.notice').innerText(), /No outcomes or pledges have been recorded/);
  });

  test('the who-asked-whom matrix has cells that lead to the questions', async () => {
    const page = await context.newPage();
    await page.goto(url('/labs'));
    const matrix = page.locator('table.matrix');
    const columns = await matrix.locator('thead th').allInnerTexts();
    const rows = await matrix.locator('tbody th[scope=row]').allInnerTexts();
    assert.equal(columns.length, 5, 'a column per stakeholder group');
    assert.deepEqual(rows, columns, 'the same groups in rows and columns');

    // Every cell: its count, by asker row and asked column.
    const cells = await matrix.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.querySelector('a')?.textContent ?? '')));
    const filled = cells.flat().filter(Boolean);
    assert.equal(filled.length, 2, `two non-empty cells from the fixture, got ${JSON.stringify(cells)}`);
    assert.equal(cells[rows.indexOf(DNAS)][columns.indexOf(BANKS)], '2', 'DNAs asked the banks two questions');

    const link = page.getByRole('link', { name: `2 questions from ${DNAS} to ${BANKS}` });
    await link.click();
    await page.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('asked_by') === 'governments-dnas' &&
      u.searchParams.get('group') === 'development-banks' && u.searchParams.get('type') === 'lab-question');
    assert.equal(await totalOf(page), 2);
    assert.deepEqual((await hitIds(page)).sort(), ['browser-test-question-dna-to-banks', 'browser-test-question-dna-to-banks-2']);
    const chips = await page.getByRole('list', { name: 'Active filters' }).getByRole('link').allInnerTexts();
    for (const c of [`Asked by: ${DNAS}`, `Stakeholder group: ${BANKS}`, 'Document type: Lab question'])
      assert.ok(chips.some((t) => t.startsWith(c)), `chip "${c}" among ${JSON.stringify(chips)}`);
  });

  test('sorting the questions of a matrix cell keeps the "asked by" filter', async () => {
    const page = await context.newPage();
    await page.goto(url('/search?asked_by=governments-dnas&group=development-banks&type=lab-question'));
    assert.equal(await totalOf(page), 2);
    await page.getByLabel('Sort').selectOption('newest');
    await page.waitForURL((u) => u.searchParams.get('sort') === 'newest');
    assert.equal(new URL(page.url()).searchParams.get('asked_by'), 'governments-dnas', 'the address keeps asked_by');
    assert.equal(await totalOf(page), 2, 'still the two questions');
  });
});

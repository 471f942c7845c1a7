// SPDX-License-Identifier: Apache-2.0
// The rulebook: a decision's page lists its provisions in paragraph order; the Rulebook page
// by topic and by stakeholder group; a provision links to its paragraph in the reader when the
// decision's text is indexed (the fixture decision 4/CMA.99 of lib/make_fixtures.mjs and its
// provision in fixtures/provisions.catalog.xml), and says so when it is not (2/CMA.3 ships
// without its official text).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch, newContext, url } from './lib/harness.mjs';

const DNAS = 'Governments and Designated National Authorities';

// "decision 2/CMA.3, annex, paragraph 18(h)" -> [1 for an annex, annex number, paragraph, sub]
function order(citation) {
  const m = citation.match(/^decision \S+, (?:(annex)(?: ([IVX]+))?, )?paragraph (\d+)(.*)$/);
  assert.ok(m, `a citation of the set form: ${citation}`);
  return [m[1] ? 1 : 0, m[2] ? m[2].length : 0, Number(m[3]), m[4]];
}
const before_ = (a, b) => { for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i]; return true; };

describe('rulebook', () => {
  let browser, context;
  before(async () => {
    browser = await launch();
    context = await newContext(browser);
  });
  after(async () => browser?.close());

  test("a decision's page lists its provisions in paragraph order", async () => {
    const page = await context.newPage();
    await page.goto(url('/doc/2-cma-3'));
    const section = page.getByRole('region', { name: /^Provisions \(\d+\)$/ });
    assert.equal(await section.count(), 1);
    const items = section.locator('ol.provision-list > li');
    const n = await items.count();
    assert.ok(n >= 30, `2/CMA.3 has its provisions listed (${n})`);
    const citations = await items.locator('.citation').allInnerTexts();
    for (let i = 1; i < citations.length; i++)
      assert.ok(before_(order(citations[i - 1]), order(citations[i])), `${citations[i - 1]} comes before ${citations[i]}`);
    assert.match(await section.innerText(), /Official text not indexed/);
    // Each provision is a link to its own page, which cites the paragraph.
    const first = items.filter({ hasText: 'decision 2/CMA.3, annex, paragraph 20' }).locator('a.prov-title');
    await first.click();
    await page.waitForURL((u) => u.pathname === '/doc/prov-2-cma-3-annex-p20');
    const own = page.getByRole('region', { name: 'What it tells' });
    assert.match(await own.innerText(), /decision 2\/CMA\.3, annex, paragraph 20/);
    assert.match(await own.locator('.not-indexed').innerText(), /^Official text not indexed/);
    assert.equal(await own.locator('a.decision-link').getAttribute('href'), '/doc/2-cma-3');
  });

  test('a refined provision shows what refines it, both ways', async () => {
    const page = await context.newPage();
    await page.goto(url('/doc/prov-2-cma-3-annex-p2'));
    const by = page.locator('ul.refined-by a');
    assert.ok((await by.count()) >= 1, 'the first transfer is refined by 4/CMA.6');
    const hrefs = await by.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.includes('/doc/prov-4-cma-6-p7'), JSON.stringify(hrefs));
    await page.goto(url('/doc/prov-4-cma-6-p7'));
    assert.deepEqual(await page.locator('ul.refines a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      ['/doc/prov-2-cma-3-annex-p2']);
  });

  test('a provision links to its paragraph in the reader when the text is indexed', async () => {
    const page = await context.newPage();
    await page.goto(url('/doc/prov-4-cma-99-annex-p15'));
    const link = page.locator('.provision a.paragraph-link');
    assert.equal(await link.getAttribute('href'), '/doc/4-cma-99/at/annex-p15');
    await link.click();
    await page.waitForURL((u) => u.pathname === '/doc/4-cma-99' && u.hash === '#annex-p15');
    const target = page.locator('[id="annex-p15"]');
    assert.match(await target.innerText(), /quokka fund/);
    assert.match(await target.locator('.loc').innerText(), /paragraph 15/);
    // The decision's page lists the provision with the same link.
    assert.equal(await page.locator('#provisions ~ ol a.paragraph-link, section.provisions a.paragraph-link').first().getAttribute('href'),
      '/doc/4-cma-99/at/annex-p15');
  });

  test('the Rulebook page: by topic, then by stakeholder group', async () => {
    const page = await context.newPage();
    await page.goto(url('/'));
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Rulebook' }).click();
    await page.waitForURL((u) => u.pathname === '/rulebook');
    assert.equal(await page.locator('h1').innerText(), 'Rulebook');
    const reporting = page.getByRole('region', { name: /^Reporting and transparency|^Reporting/ });
    assert.ok((await reporting.count()) >= 1, 'a section for the reporting topic');
    const annual = reporting.first().locator('a.prov-title', { hasText: 'Annual information: by 15 April' });
    assert.equal(await annual.count(), 1);
    assert.match(await reporting.first().innerText(), /no later than 15 April/);

    await page.getByRole('navigation', { name: 'Rulebook views' }).getByRole('link', { name: 'By stakeholder group' }).click();
    await page.waitForURL((u) => u.pathname === '/rulebook' && u.searchParams.get('by') === 'group');
    const dnas = page.getByRole('region', { name: new RegExp(`^What applies to ${DNAS}`) });
    assert.equal(await dnas.count(), 1);
    assert.equal(await dnas.locator('a.prov-title', { hasText: 'Changing an authorization does not affect outcomes already first transferred' }).count(), 1);
    const developers = page.getByRole('region', { name: /^What applies to Project developers/ });
    assert.equal(await developers.count(), 1, 'a section for project developers');
    assert.ok((await developers.locator('li.provision-entry').count()) < (await dnas.locator('li.provision-entry').count()));
  });

  test('an unknown view of the Rulebook page is a clear error', async () => {
    const r = await fetch(url('/rulebook?by=colour'));
    assert.equal(r.status, 400);
    assert.match(await r.text(), /parameter &#39;by&#39;|parameter 'by'/);
  });
});

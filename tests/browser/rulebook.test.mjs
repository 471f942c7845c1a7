// SPDX-License-Identifier: Apache-2.0
// The rulebook: a decision's page lists its provisions in paragraph order; the Rulebook page
// by topic and by stakeholder group; a provision links to its paragraph in the reader when the
// decision's text is indexed (the fixture decision 5/CMA.99 of lib/make_fixtures.mjs and its
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
    await page.goto(url('/doc/prov-5-cma-99-annex-p3'));
    const link = page.locator('.provision a.paragraph-link');
    assert.equal(await link.getAttribute('href'), '/doc/5-cma-99/at/annex-p3');
    await link.click();
    await page.waitForURL((u) => u.pathname === '/doc/5-cma-99' && u.hash === '#annex-p3');
    const target = page.locator('[id="annex-p3"]');
    assert.match(await target.innerText(), /platypus fund/);
    assert.match(await target.locator('.loc').innerText(), /paragraph 3/);
    // The decision's page lists the provision with the same link.
    assert.equal(await page.locator('#provisions ~ ol a.paragraph-link, section.provisions a.paragraph-link').first().getAttribute('href'),
      '/doc/5-cma-99/at/annex-p3');
  });

  test('the Rulebook page: by topic, then by stakeholder group', async () => {
    const page = await context.newPage();
    await page.goto(url('/'));
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Rulebook' }).click();
    await page.waitForURL((u) => u.pathname === '/rulebook');
    assert.equal(await page.locator('h1').innerText(), 'Rulebook');
    const topics = page.getByRole('region', { name: 'By topic' });
    await topics.getByRole('link', { name: 'Reporting and transparency' }).click();
    await page.waitForURL((u) => u.pathname === '/rulebook' && u.searchParams.get('topic') === 'reporting-transparency');
    assert.equal(await page.locator('h1').innerText(), 'Rulebook: Reporting and transparency');
    const annual = page.locator('li.provision-entry', { has: page.locator('a.prov-title', { hasText: 'Annual information: deadline 15 April' }) });
    assert.equal(await annual.count(), 1);
    assert.match(await annual.innerText(), /decision 2\/CMA\.3, annex, paragraph 20/);
    assert.match(await annual.innerText(), /15 April at the latest/);

    await page.getByRole('link', { name: 'Rulebook' }).first().click();
    await page.waitForURL((u) => u.pathname === '/rulebook' && u.search === '');
    const groups = page.getByRole('region', { name: 'By stakeholder group' });
    const dnaLink = groups.getByRole('link', { name: `What applies to ${DNAS}` });
    const devLink = groups.getByRole('link', { name: /^What applies to Project developers/ });
    assert.equal(await devLink.count(), 1, 'a list for project developers');
    await dnaLink.click();
    await page.waitForURL((u) => u.searchParams.get('group') === 'governments-dnas');
    assert.equal(await page.locator('h1').innerText(), `Rulebook: What applies to ${DNAS}`);
    assert.equal(await page.locator('a.prov-title', { hasText: 'Changing an authorization does not affect outcomes already first transferred' }).count(), 1);
    const dnaCount = await page.locator('li.provision-entry').count();
    await page.goBack();
    await devLink.click();
    await page.waitForURL((u) => u.searchParams.get('group') === 'project-developers');
    const devCount = await page.locator('li.provision-entry').count();
    assert.ok(devCount > 0 && devCount < dnaCount, `project developers ${devCount}, DNAs ${dnaCount}`);
  });

  test('an unknown topic or parameter of the Rulebook page is a clear error', async () => {
    for (const [q, said] of [['topic=colour', /&#39;colour&#39; is not a topic|'colour' is not a topic/], ['by=group', /parameter &#39;by&#39;|parameter 'by'/]]) {
      const r = await fetch(url(`/rulebook?${q}`));
      assert.equal(r.status, 400, q);
      assert.match(await r.text(), said);
    }
  });
});

// SPDX-License-Identifier: Apache-2.0
// Accessibility: axe-core's WCAG 2.1 A and AA rules on every kind of page, in the states a
// visitor puts it in (suggestions open, filters ticked); and basics axe does not cover: a
// language, accessible names for every form control (as Chromium's accessibility tree
// computes them), unique ids, one h1, and a keyboard path to the search box and the first result.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AXE_VERSION, axeViolations, describe as describeViolations, WCAG_TAGS } from './lib/axe.mjs';
import { launch, newContext, PAGES, url } from './lib/harness.mjs';

const ALL = { ...PAGES, methodology: '/doc/ams-iii-d-v22-0', reader: '/doc/f-reader-long-md?part=2&q=progress',
  'not-found': '/no-such-page', contribute: '/contribute?kind=pledge', moderate: '/moderate' };
const CONTROLS = 'input:not([type=hidden]), select, textarea, button';

// Each form control with the accessible name Chromium gives it, and where that name came from.
async function controlNames(context, page) {
  // Closed <details> keep their content out of the accessibility tree: open them all.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: CONTROLS });
    const out = [];
    for (const nodeId of nodeIds) {
      const { node } = await cdp.send('DOM.describeNode', { nodeId });
      const attrs = {};
      for (let i = 0; i < (node.attributes ?? []).length; i += 2) attrs[node.attributes[i]] = node.attributes[i + 1];
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      const ax = nodes.find((n) => n.backendDOMNodeId === node.backendNodeId) ?? nodes[0];
      const used = (ax.name?.sources ?? []).find((s) => s.value && !s.superseded);
      // Not rendered (display: none, such as "Apply filters" when scripts run): out of reach for everyone.
      if (ax.ignored && (ax.ignoredReasons ?? []).some((r) => r.name === 'notRendered')) continue;
      out.push({
        what: `<${node.localName}${attrs.id ? ` id="${attrs.id}"` : ''}${attrs.name ? ` name="${attrs.name}"` : ''}${attrs.type ? ` type="${attrs.type}"` : ''}>`,
        role: ax.role?.value, name: (ax.name?.value ?? '').trim(), from: used?.type ?? null, ignored: ax.ignored,
      });
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

// Presses Tab until pred(active element) holds; returns how many presses it took, or
// fails after max presses with the path the focus took.
async function tabTo(page, pred, max, what) {
  const path = [];
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement;
      return { tag: a.tagName.toLowerCase(), id: a.id, text: (a.innerText || a.value || '').trim().slice(0, 40),
               href: a.getAttribute('href'), cls: a.className, hit: !!a.closest('.hit-title'), visible: a.matches(':focus-visible') };
    });
    path.push(`${el.tag}${el.id ? '#' + el.id : ''}${el.text ? `("${el.text}")` : ''}`);
    if (pred(el)) return { presses: i, el };
  }
  assert.fail(`${what} not reached in ${max} Tab presses; focus went: ${path.join(' → ')}`);
}

describe('accessibility basics', () => {
  let browser, context;
  before(async () => {
    browser = await launch();
    context = await newContext(browser);
  });
  after(async () => browser?.close());

  for (const [name, path] of Object.entries(ALL)) {
    test(`${name} (${path}): lang, landmarks, unique ids, every control named`, async () => {
      const page = await context.newPage();
      await page.goto(url(path));
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.ok((await page.locator('h1').count()) <= 1, 'at most one h1');
      assert.equal(await page.getByRole('main').count(), 1, 'a main landmark');
      const dup = await page.evaluate(() => {
        const seen = new Map();
        for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
        return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
      });
      assert.deepEqual(dup, [], 'ids are unique (labels point at one control)');
      const orphans = await page.locator('label[for]').evaluateAll((ls) => ls.filter((l) => !l.control).map((l) => l.htmlFor));
      assert.deepEqual(orphans, [], 'every label[for] names a control');

      const controls = await controlNames(context, page);
      if (['home', 'results', 'not-found'].includes(name)) assert.ok(controls.length > 1, 'the page has a search form');
      const unnamed = controls.filter((c) => !c.name || c.from === 'placeholder');
      assert.deepEqual(unnamed, [], 'controls without an accessible name (a placeholder is not one)');
      await page.close();
    });
  }

  // Headings are how screen-reader users find their way: each page should start with one h1.
  async function oneH1(names) {
    const missing = [];
    for (const name of names) {
      const page = await context.newPage();
      await page.goto(url(ALL[name]));
      const h1s = await page.locator('h1').allInnerTexts();
      if (h1s.length !== 1 || !h1s[0].trim()) missing.push(`${name}: ${JSON.stringify(h1s)}`);
      await page.close();
    }
    assert.deepEqual(missing, [], 'pages without exactly one h1');
  }
  test('every page but the results has one h1', () => oneH1(Object.keys(ALL).filter((n) => n !== 'results')));
  test('the results page has one h1', () => oneH1(['results']));

  test('keyboard: Tab reaches the skip link, the search box and the first result, Enter opens it', async (t) => {
    const page = await context.newPage();
    await page.goto(url(PAGES.results));
    const skip = await tabTo(page, (el) => el.text === 'Skip to content', 1, 'the skip link');
    assert.ok(skip.el.visible, 'the skip link shows focus');
    assert.ok(await page.locator('a.skip').isVisible(), 'the focused skip link is on screen');
    const box = await tabTo(page, (el) => el.id === 'q', 10, 'the search box');
    assert.ok(box.el.visible, 'the focused search box shows focus');
    const hit = await tabTo(page, (el) => el.hit, 150, 'the first result link');
    assert.ok(hit.el.visible, 'the focused result link shows focus');
    const first = await page.locator('#results .hit-title a').first().getAttribute('href');
    assert.equal(hit.el.href, first, 'the first result, not a later one');
    t.diagnostic(`Tab presses: search box ${skip.presses + box.presses}, first result ${skip.presses + box.presses + hit.presses}`);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === first);
  });

  test('keyboard: the skip link moves focus to the content', async () => {
    const page = await context.newPage();
    await page.goto(url('/'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.hash === '#main');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    await tabTo(page, (el) => el.id === 'q', 1, 'the search box, first in the content');
  });
});

// Each page kind, reached as a visitor reaches it: open(page) leaves it in the state to check.
const GROUP_LABEL = /^Governments and Designated National Authorities/;
const AXE_PAGES = {
  home: (page) => page.goto(url(PAGES.home)),
  'home, suggestions open': async (page) => {
    await page.goto(url(PAGES.home));
    await page.locator('#q').pressSequentially('ams-iii');
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await page.locator('#q').press('ArrowDown');  // an option marked active
  },
  results: (page) => page.goto(url(PAGES.results)),
  'results, filters ticked': async (page) => {
    await page.goto(url(PAGES.results));
    await page.locator('#filters').getByRole('checkbox', { name: GROUP_LABEL }).click();
    await page.waitForURL((u) => u.searchParams.has('group'));
    await page.locator('#filters').getByRole('checkbox', { name: /^Decision/ }).click();
    await page.waitForURL((u) => u.searchParams.has('group') && u.searchParams.has('type'));
    await page.locator('body:not([aria-busy])').waitFor();
  },
  'results, filters and sort in the address': (page) =>
    page.goto(url('/search?q=methane&group=project-developers&type=methodology&sort=newest&page=2')),
  'results, nothing found': (page) => page.goto(url('/search?q=zzyzxq')),
  document: (page) => page.goto(url(PAGES.document)),
  'document, a methodology with versions': (page) => page.goto(url('/doc/ams-iii-d-v22-0')),
  'document with its text (the reader), highlighted, a Cite open': async (page) => {
    await page.goto(url('/doc/f-reader-method-pdf?q=numbat'));
    await page.locator('details.cite summary').first().click();
  },
  labs: (page) => page.goto(url(PAGES.labs)),
  arrangements: (page) => page.goto(url(PAGES.arrangements)),
  'an arrangement, its roles and sources': (page) => page.goto(url('/doc/a6-2-gh-ch-bilateral-agreement')),
  'results, the country facet open': async (page) => {
    await page.goto(url('/search?q=agreement&country=gh'));
  },
  about: (page) => page.goto(url(PAGES.about)),
  'contribute, a question': (page) => page.goto(url('/contribute?kind=question')),
  'contribute, a resource': (page) => page.goto(url('/contribute?kind=resource')),
  'moderation, the login': (page) => page.goto(url('/moderate')),
  'error, not found (404)': (page) => page.goto(url('/no-such-page')),
  'error, bad parameter (400)': (page) => page.goto(url('/search?q=x&per_page=0')),
};

describe(`axe-core ${AXE_VERSION}: no violation of ${WCAG_TAGS.join(', ')}`, () => {
  let browser, context;
  before(async () => {
    browser = await launch();
    context = await newContext(browser);
  });
  after(async () => browser?.close());

  for (const [name, open] of Object.entries(AXE_PAGES)) {
    test(name, async (t) => {
      const page = await context.newPage();
      await open(page);
      const violations = await axeViolations(page);
      t.diagnostic(`${page.url()}: ${violations.length} violated rules`);
      assert.equal(violations.length, 0, `${page.url()} violates:\n${describeViolations(violations)}`);
      await page.close();
    });
  }
});

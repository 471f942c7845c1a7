// SPDX-License-Identifier: Apache-2.0
// Every page at desktop width and on a 360 px phone: no horizontal scrolling, and a
// screenshot of each kept under the build dir (NAME.png, NAME-360.png).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launch, newContext, PAGES, screenshot, url } from './lib/harness.mjs';

const ALL = { ...PAGES, methodology: '/doc/ams-iii-d-v22-0', 'not-found': '/no-such-page', contribute: '/contribute?kind=question' };

const SIZES = {
  '': { viewport: { width: 1280, height: 900 } },
  // A phone: the meta viewport applies, and content wider than the screen widens the layout.
  '-360': { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
};

// The page's width, and what sticks out past the right edge outside any scrolling box.
function measure(page, width) {
  return page.evaluate((w) => {
    const clipped = (el) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    const offenders = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > w + 0.5 && !clipped(el)) {
        const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
        offenders.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls} (right edge ${Math.round(r.right)} px)`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, offenders: offenders.slice(0, 4) };
  }, width);
}

describe('layout', () => {
  let browser;
  const contexts = {};
  before(async () => {
    browser = await launch();
    for (const [suffix, options] of Object.entries(SIZES)) contexts[suffix] = await newContext(browser, options);
  });
  after(async () => browser?.close());

  for (const [suffix, options] of Object.entries(SIZES)) {
    const width = options.viewport.width;
    for (const [name, path] of Object.entries(ALL)) {
      test(`${name} at ${width} px: no horizontal scroll (screenshot ${name}${suffix}.png)`, async (t) => {
        const page = await contexts[suffix].newPage();
        await page.goto(url(path));
        await screenshot(t, page, name + suffix);
        const m = await measure(page, width);
        assert.ok(m.scrollWidth <= width && m.innerWidth <= width,
          `${path} is ${m.scrollWidth} px wide (layout viewport ${m.innerWidth} px) on a ${width} px screen; sticking out: ${m.offenders.join(', ')}`);
        await page.close();
      });
    }
  }

  test('on a phone the filters start folded and open on a tap', async () => {
    const page = await contexts['-360'].newPage();
    await page.goto(url(PAGES.results));
    const toggle = page.locator('details.filters-toggle');
    assert.equal(await toggle.getAttribute('open'), null, 'folded');
    assert.ok(await page.locator('#results .hit').first().isVisible(), 'the results show');
    await page.locator('#filters-title').tap();
    assert.equal(await toggle.getAttribute('open'), '');
    assert.ok(await page.locator('#filters').getByRole('checkbox').first().isVisible());
    await page.close();
  });
});

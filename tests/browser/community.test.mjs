// SPDX-License-Identifier: Apache-2.0
// The community pages as people use them: /contribute with and without
// JavaScript, /moderate (token login; a form without its CSRF token is
// refused), the lab desk on a 390 px phone, and a script typed into every
// field shown as text.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eventually, launch, newContext, noDialogs } from './lib/harness.mjs';

const TOKEN = process.env.A6KB_MODERATOR_TOKEN;
// A daemon of their own (run.sh): what these tests approve must not change what other test files count.
const BASE = (process.env.A6KB_COMMUNITY_BASE_URL || '').replace(/\/$/, '');
const url = (p) => BASE + p;
const XSS = `<script>alert('xss')</script><img src=x onerror=alert(2)>`;

async function logIn(page) {
  await page.goto(url('/moderate'));
  await page.getByLabel('Moderator token').fill(TOKEN);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((u) => u.pathname === '/moderate');
  await page.getByText('Logged in as').waitFor();
}

async function askQuestion(page, text) {
  await page.goto(url('/contribute?kind=question'));
  await page.getByLabel('The group you speak for').selectOption('development-banks');
  await page.getByLabel('The group you ask').selectOption('governments-dnas');
  await page.getByLabel('Your question').fill(text);
  await page.getByRole('button', { name: 'Send for moderation' }).click();
  await page.waitForURL((u) => u.searchParams.has('thanks'));
  const notice = await page.getByRole('status').textContent();
  assert.match(notice, /Your contribution is number \d+/);
}

describe('contributing and moderating', () => {
  let browser;
  before(async () => {
    assert.ok(TOKEN && BASE, 'A6KB_MODERATOR_TOKEN and A6KB_COMMUNITY_BASE_URL are set by run.sh');
    browser = await launch();
  });
  after(async () => browser?.close());

  test('/contribute works with JavaScript', async () => {
    const page = await (await newContext(browser)).newPage();
    await askQuestion(page, 'With scripts: how do DNAs publish their authorization criteria?');
  });

  test('/contribute works without JavaScript, and a bad field comes back with what was typed', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await askQuestion(page, 'Without scripts: which fees apply to a first transfer?');
    await page.goto(url('/contribute?kind=resource'));
    await page.getByLabel('Title').fill('A guide');
    await page.getByLabel('What it is and who it helps').fill('A guide for DNAs.');
    await page.getByLabel(/^Address/).fill('https://example.org/guide');
    await page.getByRole('button', { name: 'Send for moderation' }).click();
    await page.waitForURL((u) => u.searchParams.has('thanks'));
  });

  test('/moderate: login with the token, a form without its CSRF token is refused', async () => {
    const page = await (await newContext(browser)).newPage();
    await askQuestion(page, 'CSRF check: who keeps the registry of A6.4ERs?');
    await logIn(page);
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'a6kb_session');
    assert.ok(session && session.httpOnly && session.sameSite === 'Strict', JSON.stringify(cookies));
    const item = page.locator('section.queue-item').filter({ hasText: 'CSRF check' });
    await item.locator('input[name=csrf]').evaluate((el) => el.remove());
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      item.getByRole('button', { name: 'Save and approve' }).click(),
    ]);
    assert.equal(response.status(), 403);
    await page.goto(url('/moderate'));
    const again = page.locator('section.queue-item').filter({ hasText: 'CSRF check' });
    assert.equal(await again.count(), 1, 'still waiting after the refused form');
    await again.getByRole('button', { name: 'Save and approve' }).click();
    await page.waitForURL((u) => u.searchParams.get('action') === 'approve');
    assert.equal(await page.locator('section.queue-item').filter({ hasText: 'CSRF check' }).count(), 0);
  });

  test('the lab desk on a 390 px screen: a question and its answer, saved and next', async () => {
    const context = await newContext(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await logIn(page);
    await page.goto(url('/labs/A6-LAB-2025-01/record'));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the desk is ${width} px wide on a 390 px screen`);
    await page.getByLabel('The group that asks').selectOption('un-organizations');
    await page.getByLabel('The group asked').selectOption('private-finance');
    await page.getByLabel('The question').fill('Desk: what would make you buy A6.4ERs from LDCs?');
    await page.getByLabel(/^The answer given/).fill('Clear corresponding adjustments.');
    await page.getByRole('button', { name: 'Save, next question' }).click();
    await page.waitForURL((u) => u.searchParams.has('saved'));
    assert.match(await page.getByRole('status').textContent(), /Saved as number \d+/);
    assert.equal(await page.getByLabel('The question').inputValue(), '', 'the form is empty for the next one');
  });

  test('a script in every field is shown as text, and never runs', async () => {
    const page = await (await newContext(browser)).newPage();
    const dialogs = noDialogs(page);
    await page.goto(url('/contribute?kind=challenge'));
    await page.getByLabel('Title').fill(XSS);
    await page.getByLabel('The challenge and what you did').fill(XSS);
    await page.getByLabel(/^How a moderator can reach you/).fill(XSS);
    await page.getByRole('button', { name: 'Send for moderation' }).click();
    await page.waitForURL((u) => u.searchParams.has('thanks'));
    await logIn(page);
    const item = page.locator('section.queue-item').filter({ hasText: "alert('xss')" });
    assert.ok((await item.locator('dd').filter({ hasText: XSS }).count()) >= 2, 'the fields are shown as typed');
    await item.getByRole('button', { name: 'Save and approve' }).click();
    await page.waitForURL((u) => u.searchParams.get('action') === 'approve');
    const id = new URL(page.url()).searchParams.get('done');
    // Approved records are searchable within seconds: poll the record's page until it is there.
    await eventually(async () => assert.equal((await page.goto(url(`/doc/community-${id}`))).status(), 200));
    assert.ok((await page.getByRole('heading', { level: 1 }).textContent()).includes(XSS));
    assert.deepEqual(dialogs, []);
  });
});

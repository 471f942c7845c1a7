// SPDX-License-Identifier: Apache-2.0
// axe-core (Deque's accessibility engine, from npm) run inside a page: the rules of WCAG
// 2.0 and 2.1, levels A and AA, and a readable list of what failed.
import { nodeModule } from './harness.mjs';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// axe-core's browser build as a string. It is evaluated through the DevTools protocol, which
// the pages' Content-Security-Policy (script-src 'self') does not apply to, so the page
// is checked under its real policy.
const { source, version } = nodeModule('axe-core');
export const AXE_VERSION = version;

// The violations of WCAG_TAGS on the page as it is now (after any clicks), each with its
// rule id, impact, help text and offending nodes (CSS selector, HTML, what to fix).
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(source);
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, url: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, fix: n.failureSummary })),
    }));
  }, WCAG_TAGS);
}

// "rule (impact): help" and, under it, each node: selector, HTML and what axe says to fix.
export function describe(violations) {
  return violations.map((v) => [`${v.id} (${v.impact}): ${v.help} <${v.url}>`,
    ...v.nodes.map((n) => `    ${n.target}\n      ${n.html}\n      ${(n.fix ?? '').replace(/\n/g, '\n      ')}`)].join('\n')).join('\n');
}

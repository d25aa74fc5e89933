// Loads pages in headless Chromium and runs axe-core on each.
//
// Usage: node tests/browser/axe.mjs [--screenshots DIR] URL...
// Prints one JSON object per page: {"url", "violations": [{"id", "impact", "help", "targets"}]}.
// Exit status 0 when every page loaded (violations or not), 2 when the browser or a page failed.
//
// Chromium comes from the system (Debian's `chromium`, or CHROME_PATH): the test tools never
// download a browser of their own.
import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = require("fs").readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

// The rule set every civic page must pass; `region` is off as govuk-frontend's own tests do,
// because a component shown alone is not inside a landmark.
export const AXE_OPTIONS = {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
  rules: { region: { enabled: false } },
};

const args = process.argv.slice(2);
let screenshots = null;
const urls = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--screenshots") screenshots = args[++i];
  else urls.push(args[i]);
}
if (urls.length === 0) {
  console.error("usage: node tests/browser/axe.mjs [--screenshots DIR] URL...");
  process.exit(2);
}
if (screenshots) mkdirSync(screenshots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
let failed = false;
try {
  // Pages send a Content-Security-Policy that forbids the inline script axe is injected as.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  for (const [index, url] of urls.entries()) {
    try {
      const response = await page.goto(url, { waitUntil: "load" });
      await page.addScriptTag({ content: axeSource });
      const results = await page.evaluate((options) => window.axe.run(document, options), AXE_OPTIONS);
      if (screenshots) {
        await page.screenshot({ path: join(screenshots, `${String(index).padStart(4, "0")}.png`), fullPage: true });
      }
      const violations = results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")),
      }));
      console.log(JSON.stringify({ url, status: response ? response.status() : null, violations }));
    } catch (error) {
      failed = true;
      console.log(JSON.stringify({ url, error: String(error && error.message || error) }));
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 2 : 0);

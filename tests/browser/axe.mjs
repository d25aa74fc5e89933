// Loads pages in headless Chromium and runs axe-core on each.
//
// Usage: node tests/browser/axe.mjs [--screenshots DIR] URL...
// Prints one JSON object per page: {"url", "violations": [{"id", "impact", "help", "targets"}]}.
// Exit status 0 when every page loaded (violations or not), 2 when the browser or a page failed.
//
// Chromium comes from the system (Debian's `chromium`, or CHROME_PATH): the test tools never
// download a browser of their own.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, runAxe } from "./axe-options.mjs";

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
  args: CHROMIUM_ARGS,
});
let failed = false;
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const [index, url] of urls.entries()) {
    try {
      const response = await page.goto(url, { waitUntil: "load" });
      const violations = await runAxe(page);
      if (screenshots) {
        await page.screenshot({ path: join(screenshots, `${String(index).padStart(4, "0")}.png`), fullPage: true });
      }
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

// Pays a sandbox payment in headless Chromium as a resident would, checking the card page
// with axe-core on the way.
//
// Usage: node tests/browser/pay.mjs NEXT_URL CARD_NUMBER RETURN_URL_PREFIX
// Opens NEXT_URL (the sandbox's "Enter card details" page), runs axe on it, submits it empty
// and runs axe on the page of errors, then fills in the card and billing address, submits and
// waits to land on a URL starting RETURN_URL_PREFIX. Prints one JSON object:
// {"landed", "landedText", "pages": [{"url", "status", "title", "violations"}]}, or {"error"}.
// Exit status 0 when the journey finished (violations or not), 2 when it did not.
//
// Chromium comes from the system (Debian's `chromium`, or CHROME_PATH), as for axe.mjs.
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = require("fs").readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

// The same rule set as axe.mjs.
const AXE_OPTIONS = {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
  rules: { region: { enabled: false } },
};

const [nextUrl, cardNumber, returnPrefix] = process.argv.slice(2);
if (!nextUrl || !cardNumber || !returnPrefix) {
  console.error("usage: node tests/browser/pay.mjs NEXT_URL CARD_NUMBER RETURN_URL_PREFIX");
  process.exit(2);
}

async function check(page, status) {
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate((options) => window.axe.run(document, options), AXE_OPTIONS);
  return {
    url: page.url(),
    status,
    title: await page.title(),
    violations: results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    })),
  };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = false;
try {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const pages = [];
  const first = await page.goto(nextUrl, { waitUntil: "load" });
  pages.push(await check(page, first ? first.status() : null));

  // Submitting nothing shows the error summary and messages.
  const [empty] = await Promise.all([
    page.waitForNavigation({ waitUntil: "load" }),
    page.click("#submit-card-details"),
  ]);
  pages.push(await check(page, empty ? empty.status() : null));

  await page.fill("#card-number", cardNumber);
  await page.fill("#expiry-month", "12");
  await page.fill("#expiry-year", String(new Date().getFullYear() + 3));
  await page.fill("#cardholder-name", "A Resident");
  await page.fill("#cvc", "123");
  await page.fill("#address-line-1", "1 High Street");
  await page.fill("#address-city", "Cardiff");
  await page.fill("#address-postcode", "CF10 1AA");
  await Promise.all([
    page.waitForURL((url) => url.href.startsWith(returnPrefix), { waitUntil: "load" }),
    page.click("#submit-card-details"),
  ]);
  const landedText = await page.textContent("body");
  console.log(JSON.stringify({ landed: page.url(), landedText, pages }));
} catch (error) {
  failed = true;
  console.log(JSON.stringify({ error: String((error && error.message) || error) }));
} finally {
  await browser.close();
}
process.exit(failed ? 2 : 0);

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
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, runAxe } from "./axe-options.mjs";
import { SUBMIT_CARD, fillCard } from "./sandbox-card.mjs";

const [nextUrl, cardNumber, returnPrefix] = process.argv.slice(2);
if (!nextUrl || !cardNumber || !returnPrefix) {
  console.error("usage: node tests/browser/pay.mjs NEXT_URL CARD_NUMBER RETURN_URL_PREFIX");
  process.exit(2);
}

async function check(page, status) {
  const violations = await runAxe(page);
  return { url: page.url(), status, title: await page.title(), violations };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: CHROMIUM_ARGS,
});
let failed = false;
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pages = [];
  const first = await page.goto(nextUrl, { waitUntil: "load" });
  pages.push(await check(page, first ? first.status() : null));

  // Submitting nothing shows the error summary and messages.
  const [empty] = await Promise.all([
    page.waitForNavigation({ waitUntil: "load" }),
    page.click(SUBMIT_CARD),
  ]);
  pages.push(await check(page, empty ? empty.status() : null));

  await fillCard(page, { number: cardNumber });
  await Promise.all([
    page.waitForURL((url) => url.href.startsWith(returnPrefix), { waitUntil: "load" }),
    page.click(SUBMIT_CARD),
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

// The session timeout warning in headless Chromium, on a form whose sessions last one minute.
//
// Usage: node tests/browser/timeout.mjs START_URL
// Prints one JSON object: what was seen at each step, and axe-core's violations with the
// dialog open. Exit status 0 when the journey could be run, 2 when the browser failed.
//
// The page's clock is Playwright's fake one, moved on by hand: the warning opens after half
// a minute (a one-minute session warns at half time) without the test waiting for it.
// Requests to the server are real, so "Continue" really asks it to keep the session.
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, runAxe } from "./axe-options.mjs";

const [start] = process.argv.slice(2);
if (!start) {
  console.error("usage: node tests/browser/timeout.mjs START_URL");
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: CHROMIUM_ARGS,
});
const out = {};
let failed = false;
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.clock.install();
  const dialog = page.locator("dialog.civic-timeout-warning__dialog");
  const open = () => page.evaluate(() => !!document.querySelector("dialog.civic-timeout-warning__dialog")?.open);

  await page.goto(start, { waitUntil: "load" });
  out.page = page.url();
  out.openAtFirst = await open();
  out.notice = await page.locator("main").innerText();

  // Half a minute idle: the warning opens, focus inside it.
  await page.clock.runFor(31_000);
  await dialog.waitFor({ state: "visible", timeout: 5_000 });
  out.openAfterWarning = await open();
  out.focusInDialog = await page.evaluate(() => !!document.activeElement?.closest("dialog[open]"));
  out.modal = await page.evaluate(() => document.querySelector("dialog[open]")?.matches(":modal") ?? false);
  out.countdown = await page.locator("[data-countdown]").innerText();
  out.announced = await page.locator("[data-announcement]").innerText();
  out.violations = await runAxe(page);
  // Ten seconds on, the visible countdown has moved on.
  await page.clock.runFor(10_000);
  out.countdownLater = await page.locator("[data-countdown]").innerText();

  // "Continue": the server keeps the session (204) and the dialog closes.
  const keptAlive = page.waitForResponse((r) => r.url().endsWith("/keep-alive"));
  await dialog.getByRole("button", { name: /Continue|Parhau/ }).click();
  out.keepAliveStatus = (await keptAlive).status();
  await dialog.waitFor({ state: "hidden", timeout: 5_000 });
  out.openAfterContinue = await open();

  // The timers start again: another half minute, the warning again; then the time runs out.
  await page.clock.runFor(31_000);
  await dialog.waitFor({ state: "visible", timeout: 5_000 });
  out.openAgain = await open();
  await Promise.all([page.waitForURL(/\/timeout$/, { timeout: 10_000 }), page.clock.runFor(31_000)]);
  out.afterTimeout = page.url();
  out.afterTimeoutText = await page.locator("main").innerText();

  // A new session: "Delete answers and sign out".
  await page.goto(start, { waitUntil: "load" });
  await page.clock.runFor(31_000);
  await dialog.waitFor({ state: "visible", timeout: 5_000 });
  await Promise.all([
    page.waitForURL(/\/signed-out$/, { timeout: 10_000 }),
    dialog.getByRole("button", { name: /Delete answers and sign out/ }).click(),
  ]);
  out.afterSignOut = page.url();
  out.afterSignOutText = await page.locator("main").innerText();

  // Without JavaScript the dialog never opens; the sentence is the warning.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const noJs = await plain.newPage();
  await noJs.goto(start, { waitUntil: "load" });
  out.noJsNotice = await noJs.locator("main").innerText();
  out.noJsDialogVisible = await noJs.locator("dialog.civic-timeout-warning__dialog").isVisible();
} catch (error) {
  failed = true;
  out.error = String((error && error.message) || error);
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
process.exit(failed ? 2 : 0);

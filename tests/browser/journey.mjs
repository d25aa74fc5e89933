// Walks a resident's journey through a service in headless Chromium, with JavaScript on or
// off, and reports every page it lands on, each checked with axe-core.
//
// Usage: node tests/browser/journey.mjs JOURNEY.json
// JOURNEY.json: {"start": URL, "javascript": bool, "screenshots": DIR or null, "steps": [STEP...]}
// A step acts on the page the previous one landed on, then waits for the next page:
//   {"fill": [[SELECTOR, VALUE]...]}  types VALUE (or, in a <select>, picks the option with
//                                     that value or label; with JavaScript on, a long list's
//                                     select must have become an autocomplete, and the
//                                     option's label is typed and the first suggestion clicked)
//   {"check": [SELECTOR...]}          ticks checkboxes or a radio
//   {"upload": [[SELECTOR, PATH]...]} chooses the file at PATH in a file input
//   {"click": TEXT}                   then presses the button or follows the link in <main>
//                                     named TEXT ("css=SELECTOR" for anything else)
//   (no "click")                      then presses the first submit button of <main>'s form
//   {"pay": {"number": CARD, ...}}    fills in the sandbox's card page (sandbox-card.mjs) and
//                                     submits it
//   {"open": URL}                     opens URL instead, as if typed into the address bar
//   {"openLink": TEXT}                opens the first http(s) URL containing TEXT written
//                                     anywhere in the page's HTML (an email in the development
//                                     mailbox, say), reloading for up to 10 s until one shows
//   {"waitSeconds": N}                waits N seconds first (with any of the above)
// Prints one JSON object: {"pages": [PAGE...], "error": null or what went wrong}, where each
// PAGE is {"step" (null for the start page), "url", "status", "title", "lang", "styled",
// "errorSummary", "h1", "text", "javascriptRan", "violations", "screenshot"}.
// Exit status 0 when every step was taken (violations or not), 2 when one could not be.
//
// With JavaScript off, scripts are disabled through the DevTools protocol
// (Emulation.setScriptExecutionDisabled), so pages load as in a browser with JavaScript
// turned off: govuk-frontend never starts. axe-core needs scripts (its timers do not fire
// otherwise), so they are turned on only while axe runs on a page already loaded, which does
// not run the page's own scripts after the fact.
//
// Chromium comes from the system (Debian's `chromium`, or CHROME_PATH), as for axe.mjs.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, runAxe } from "./axe-options.mjs";
import { SUBMIT_CARD, fillCard } from "./sandbox-card.mjs";

// Generous: on a loaded 2-core CI machine a page can take seconds.
const TIMEOUT_MS = 60_000;

const [journeyFile] = process.argv.slice(2);
if (!journeyFile) {
  console.error("usage: node tests/browser/journey.mjs JOURNEY.json");
  process.exit(2);
}
const journey = JSON.parse(readFileSync(journeyFile, "utf8"));
if (journey.screenshots) mkdirSync(journey.screenshots, { recursive: true });

// What a page shows, read before axe runs.
function describePage() {
  const text = (element) => (element ? element.innerText.replace(/\s+/g, " ").trim() : null);
  const body = document.body;
  const summary = document.querySelector(".govuk-error-summary");
  // Unstyled, Chromium gives the body an 8px margin and a serif font; the govuk-frontend
  // stylesheet sets the margin to 0 and a sans-serif font.
  const style = getComputedStyle(body);
  const stylesheetLoaded = [...document.styleSheets].some((sheet) => {
    try {
      return sheet.href !== null && sheet.cssRules.length > 100;
    } catch {
      return false;
    }
  });
  return {
    title: document.title,
    lang: document.documentElement.getAttribute("lang"),
    styled: stylesheetLoaded && style.marginTop === "0px" && !/serif/.test(style.fontFamily.replace(/sans-serif/g, "")),
    errorSummary: text(summary),
    h1: text(document.querySelector("h1")),
    text: (text(document.querySelector("main")) ?? text(body) ?? "").slice(0, 2000),
    javascriptRan: body.classList.contains("govuk-frontend-supported"),
  };
}

function slug(words) {
  const slug = (words || "page")
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return slug.slice(0, 48).replace(/-$/, "") || "page";
}

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: CHROMIUM_ARGS,
});
const pages = [];
let error = null;
try {
  const context = await browser.newContext();
  context.setDefaultTimeout(TIMEOUT_MS);
  context.setDefaultNavigationTimeout(TIMEOUT_MS);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const scripts = (on) => cdp.send("Emulation.setScriptExecutionDisabled", { value: !on });
  await scripts(journey.javascript);

  // Records the page `response` landed on, as step `step`.
  const record = async (step, response) => {
    const seen = await page.evaluate(describePage);
    let screenshot = null;
    if (journey.screenshots) {
      const name = `${String(pages.length).padStart(2, "0")}-${seen.errorSummary ? "error-" : ""}${slug(seen.h1 || seen.title)}.png`;
      screenshot = join(journey.screenshots, name);
      await page.screenshot({ path: screenshot, fullPage: true });
    }
    if (!journey.javascript) await scripts(true);
    const violations = await runAxe(page);
    if (!journey.javascript) await scripts(false);
    pages.push({ step, url: page.url(), status: response ? response.status() : null, ...seen, violations, screenshot });
  };

  // Does `act` and waits for the page it leads to.
  const navigate = async (act) => {
    const [response] = await Promise.all([page.waitForNavigation({ waitUntil: "load" }), act()]);
    return response;
  };

  // The first URL containing `text` in the page's HTML, reloading while there is none (an
  // email reaches the development mailbox through the outbox's worker, a moment later).
  const findLink = async (text) => {
    const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const pattern = new RegExp(`https?://[^\\s"'<>&]*${escaped}[^\\s"'<>&]*`);
    for (let attempt = 0; attempt < 50; attempt++) {
      const found = (await page.content()).match(pattern);
      if (found) return found[0];
      await new Promise((resolve) => setTimeout(resolve, 200));
      await page.reload({ waitUntil: "load" });
    }
    throw new Error(`no link containing ${JSON.stringify(text)} on ${page.url()}`);
  };

  // A long list's select enhanced into an autocomplete (components/assets/autocomplete.mjs):
  // types the option's label into the input that took the select's place and clicks the first
  // suggestion, as a resident would, then checks the hidden select now holds its value. Fails
  // when the enhancement did not run.
  const chooseSuggestion = async (select, [value, label]) => {
    const id = await select.getAttribute("id");
    if (id === null || !id.endsWith("-select")) {
      throw new Error(`the long list ${JSON.stringify(id)} was not enhanced into an autocomplete`);
    }
    const input = page.locator(`input.autocomplete__input[id="${id.slice(0, -"-select".length)}"]`);
    await input.fill("");
    await input.pressSequentially(label);
    await page.locator(".autocomplete__menu .autocomplete__option").first().click();
    const chosen = await select.inputValue();
    if (chosen !== value) {
      throw new Error(`typing ${JSON.stringify(label)} chose ${JSON.stringify(chosen)}, not ${JSON.stringify(value)}`);
    }
  };

  await record(null, await page.goto(journey.start, { waitUntil: "load" }));
  for (const [index, step] of journey.steps.entries()) {
    try {
      if (step.waitSeconds) await new Promise((resolve) => setTimeout(resolve, step.waitSeconds * 1000));
      for (const [selector, value] of step.fill ?? []) {
        const field = page.locator(selector);
        if ((await field.evaluate((element) => element.tagName)) === "SELECT") {
          const options = await field.locator("option").evaluateAll((all) => all.map((o) => [o.value, o.label]));
          const match = options.find(([v, label]) => v === value || label === value);
          if (!match) throw new Error(`${selector} has no option ${JSON.stringify(value)}`);
          if (journey.javascript && (await field.getAttribute("data-module")) === "civic-autocomplete") {
            await chooseSuggestion(field, match);
          } else {
            await field.selectOption(match[0]);
          }
        } else {
          await field.fill(value);
        }
      }
      for (const selector of step.check ?? []) await page.locator(selector).check();
      for (const [selector, path] of step.upload ?? []) await page.locator(selector).setInputFiles(path);
      let response;
      if (step.open) {
        response = await page.goto(new URL(step.open, page.url()).href, { waitUntil: "load" });
      } else if (step.openLink) {
        const url = await findLink(step.openLink);
        response = await page.goto(url, { waitUntil: "load" });
      } else if (step.pay) {
        await fillCard(page, step.pay);
        response = await navigate(() => page.click(SUBMIT_CARD));
      } else if (step.click && step.click.startsWith("css=")) {
        response = await navigate(() => page.click(step.click));
      } else if (step.click) {
        const named = page
          .locator("main")
          .getByRole("button", { name: step.click, exact: true })
          .or(page.locator("main").getByRole("link", { name: step.click, exact: true }));
        response = await navigate(() => named.first().click());
      } else {
        response = await navigate(() => page.locator("main form button[type=submit], main form input[type=submit]").first().click());
      }
      await record(index, response);
    } catch (cause) {
      throw new Error(`step ${index} (${JSON.stringify(step)}) on ${page.url()}: ${(cause && cause.message) || cause}`);
    }
  }
} catch (cause) {
  error = String((cause && cause.message) || cause);
} finally {
  await browser.close();
}
console.log(JSON.stringify({ pages, error }));
process.exit(error ? 2 : 0);

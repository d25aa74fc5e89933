// The axe-core rule set every civic page must pass, shared by axe.mjs, pay.mjs and
// journey.mjs; `region` is off as govuk-frontend's own tests do, because a component shown
// alone is not inside a landmark.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

export const AXE_OPTIONS = {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
  rules: { region: { enabled: false } },
};

const require = createRequire(import.meta.url);

// axe-core's source, to inject into a page.
export const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

// Runs axe-core on the page as it is and returns its violations, each as
// {id, impact, help, targets}. The source is evaluated through the DevTools protocol rather
// than added as a <script>, so the page's Content-Security-Policy does not need bypassing.
export async function runAxe(page) {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate((options) => window.axe.run(document, options), AXE_OPTIONS);
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
}

// The flags every civic browser script launches Chromium with.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

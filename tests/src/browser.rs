//! Headless Chromium with axe-core, driven by playwright-core through `browser/axe.mjs`.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

use crate::{skip, workspace_root};

/// What axe-core found on one page.
#[derive(Debug, Deserialize)]
pub struct PageReport {
    /// The page's address.
    pub url: String,
    /// The HTTP status the page was served with.
    pub status: Option<u16>,
    /// Every rule the page broke.
    #[serde(default)]
    pub violations: Vec<Violation>,
    /// Why the page could not be checked, if it could not.
    pub error: Option<String>,
}

/// One broken axe rule and the elements that break it.
#[derive(Debug, Deserialize)]
pub struct Violation {
    /// The axe rule, e.g. `color-contrast`.
    pub id: String,
    /// How much it matters to a resident: minor, moderate, serious or critical.
    pub impact: Option<String>,
    /// What the rule asks for.
    pub help: String,
    /// CSS selectors of the offending elements.
    pub targets: Vec<String>,
}

/// `rule (impact): what it asks for at selectors`, as failures list it.
impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({}): {} at {}",
            self.id,
            self.impact.as_deref().unwrap_or("unknown impact"),
            self.help,
            self.targets.join(", ")
        )
    }
}

/// The Chromium to drive: `CHROME_PATH`, else Debian's `/usr/bin/chromium`.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("CHROME_PATH")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    path.is_file().then_some(path)
}

/// Chromium's path, or `None` after reporting `test` as skipped when Chromium or the npm
/// packages are missing.
pub(crate) fn prerequisites(test: &str) -> Option<PathBuf> {
    let Some(chrome) = chromium() else {
        skip(
            test,
            "Chromium is not installed (set CHROME_PATH or run cargo xtask test)",
        );
        return None;
    };
    if !workspace_root()
        .join("node_modules/playwright-core")
        .is_dir()
    {
        skip(
            test,
            "npm packages are not installed (run cargo xtask test)",
        );
        return None;
    }
    Some(chrome)
}

/// A sandbox payment paid in the browser by `browser/pay.mjs`.
#[derive(Debug, Deserialize)]
pub struct PaymentJourney {
    /// The URL the resident landed on after paying.
    pub landed: String,
    /// The text of the page they landed on.
    #[serde(rename = "landedText")]
    pub landed_text: String,
    /// The card page as first shown, then with the errors of an empty submission, each
    /// checked with axe-core.
    pub pages: Vec<CheckedPage>,
}

/// One page of a journey, checked with axe-core.
#[derive(Debug, Deserialize)]
pub struct CheckedPage {
    /// The page's address.
    pub url: String,
    /// The HTTP status it was served with.
    pub status: Option<u16>,
    /// Its `<title>`.
    pub title: String,
    /// Every axe rule it broke.
    pub violations: Vec<Violation>,
}

/// Opens a sandbox payment's `next_url` in headless Chromium, checks the card page with
/// axe-core (as shown, then with errors), pays with `card_number` and a billing address, and
/// waits to land on a URL starting `return_prefix`.
///
/// Returns `None` after reporting `test` as skipped when Chromium or the npm packages are
/// missing; panics if the journey could not be finished.
pub fn pay_in_sandbox(
    test: &str,
    next_url: &str,
    card_number: &str,
    return_prefix: &str,
) -> Option<PaymentJourney> {
    let chrome = prerequisites(test)?;
    let root = workspace_root();
    let output = Command::new("node")
        .arg(root.join("tests/browser/pay.mjs"))
        .args([next_url, card_number, return_prefix])
        .env("CHROME_PATH", chrome)
        .current_dir(root)
        .output()
        .unwrap_or_else(|error| panic!("cannot run node for the browser tests: {error}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout.lines().find(|line| line.starts_with('{'));
    let journey = line.and_then(|line| serde_json::from_str::<PaymentJourney>(line).ok());
    match journey {
        Some(journey) if output.status.success() => Some(journey),
        _ => panic!(
            "the browser did not finish the payment: {}\nstderr:\n{}",
            stdout,
            String::from_utf8_lossy(&output.stderr)
        ),
    }
}

/// Checks each page with axe-core (tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa,
/// best-practice; rule `region` off), saving a screenshot of each into `screenshots`.
///
/// Returns `None` after reporting `test` as skipped when Chromium or the npm packages are
/// missing (`cargo xtask test` installs both).
pub fn axe(test: &str, urls: &[String], screenshots: Option<&Path>) -> Option<Vec<PageReport>> {
    let root = workspace_root();
    let chrome = prerequisites(test)?;
    let mut command = Command::new("node");
    command
        .arg(root.join("tests/browser/axe.mjs"))
        .env("CHROME_PATH", chrome)
        .current_dir(root);
    if let Some(dir) = screenshots {
        command.arg("--screenshots").arg(dir);
    }
    command.args(urls);
    let output = command.output();
    let output = match output {
        Ok(output) => output,
        Err(error) => panic!("cannot run node for the browser tests: {error}"),
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    let reports: Vec<PageReport> = stdout
        .lines()
        .filter(|line| line.starts_with('{'))
        .map(|line| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("bad axe report {line}: {e}"))
        })
        .collect();
    assert!(
        reports.len() == urls.len(),
        "axe.mjs reported {} of {} pages; stderr:\n{}",
        reports.len(),
        urls.len(),
        String::from_utf8_lossy(&output.stderr)
    );
    Some(reports)
}

/// Formats every violation and error in `reports`, one line each, for an assertion message.
pub fn describe(reports: &[PageReport]) -> String {
    let mut lines = Vec::new();
    for report in reports {
        if let Some(error) = &report.error {
            lines.push(format!("{}: could not be checked: {error}", report.url));
        }
        for violation in &report.violations {
            lines.push(format!("{}: {violation}", report.url));
        }
    }
    lines.join("\n")
}

/// Like [`axe`] without screenshots, with `urls` dealt between `workers` browsers that run
/// side by side, each checking its share in one launch: hundreds of pages take minutes.
///
/// Reports come back in the order of `urls`.
pub fn axe_in_parallel(test: &str, urls: &[String], workers: usize) -> Option<Vec<PageReport>> {
    let workers = workers.clamp(1, urls.len().max(1));
    let shares: Vec<Vec<String>> = (0..workers)
        .map(|w| urls.iter().skip(w).step_by(workers).cloned().collect())
        .collect();
    let results: Vec<Option<Vec<PageReport>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = shares
            .iter()
            .map(|share| scope.spawn(move || axe(test, share, None)))
            .collect();
        handles
            .into_iter()
            .map(|handle| match handle.join() {
                Ok(reports) => reports,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    let mut by_url: std::collections::HashMap<String, PageReport> =
        std::collections::HashMap::new();
    for reports in results {
        for report in reports? {
            by_url.insert(report.url.clone(), report);
        }
    }
    Some(urls.iter().filter_map(|url| by_url.remove(url)).collect())
}

/// What `browser/timeout.mjs` saw of a form's session timeout warning.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeoutWarningRun {
    /// The page the start address led to.
    pub page: String,
    /// Whether the dialog was open as soon as the page loaded.
    pub open_at_first: bool,
    /// The page's main text, with the sentence about the timeout.
    pub notice: String,
    /// Whether the dialog opened when half the session had passed idle.
    pub open_after_warning: bool,
    /// Whether focus moved into the open dialog.
    pub focus_in_dialog: bool,
    /// Whether the dialog is modal (the rest of the page inert).
    pub modal: bool,
    /// The countdown as it opened, and ten seconds later.
    pub countdown: String,
    /// The countdown ten seconds after it opened.
    pub countdown_later: String,
    /// What the polite live region said.
    pub announced: String,
    /// axe-core's findings with the dialog open.
    pub violations: Vec<Violation>,
    /// The keep-alive request's status after "Continue".
    pub keep_alive_status: u16,
    /// Whether the dialog stayed open after "Continue".
    pub open_after_continue: bool,
    /// Whether it opened again after another half session idle.
    pub open_again: bool,
    /// Where the resident was sent when the time ran out, and what it said.
    pub after_timeout: String,
    /// The text of that page.
    pub after_timeout_text: String,
    /// Where "Delete answers and sign out" led, and what it said.
    pub after_sign_out: String,
    /// The text of that page.
    pub after_sign_out_text: String,
    /// The page's main text with JavaScript off.
    pub no_js_notice: String,
    /// Whether the dialog was visible with JavaScript off.
    pub no_js_dialog_visible: bool,
}

/// Runs `browser/timeout.mjs` against a form at `start_url` whose sessions last one minute:
/// the warning opening, axe-core on it, "Continue", the time running out, "Delete answers and
/// sign out", and the page without JavaScript.
///
/// Returns `None` after reporting `test` as skipped when Chromium or the npm packages are
/// missing; panics if the journey could not be run.
pub fn timeout_warning(test: &str, start_url: &str) -> Option<TimeoutWarningRun> {
    let chrome = prerequisites(test)?;
    let root = workspace_root();
    let output = Command::new("node")
        .arg(root.join("tests/browser/timeout.mjs"))
        .arg(start_url)
        .env("CHROME_PATH", chrome)
        .current_dir(root)
        .output()
        .unwrap_or_else(|error| panic!("cannot run node for the browser tests: {error}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout.lines().find(|line| line.starts_with('{'));
    let run = line.and_then(|line| serde_json::from_str::<TimeoutWarningRun>(line).ok());
    match run {
        Some(run) if output.status.success() => Some(run),
        _ => panic!(
            "the browser could not run the timeout warning: {}\nstderr:\n{}",
            stdout,
            String::from_utf8_lossy(&output.stderr)
        ),
    }
}

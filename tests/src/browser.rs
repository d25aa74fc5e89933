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
            lines.push(format!(
                "{}: {} ({}): {} at {}",
                report.url,
                violation.id,
                violation.impact.as_deref().unwrap_or("unknown impact"),
                violation.help,
                violation.targets.join(", ")
            ));
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

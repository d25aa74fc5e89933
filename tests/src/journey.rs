//! A resident's journey through a service, walked in headless Chromium by
//! `browser/journey.mjs` with JavaScript on or off, every page checked with axe-core.
//!
//! ```no_run
//! use civic_tests::journey::{Journey, Step, walk};
//!
//! let journey = Journey::new("http://127.0.0.1:3000/missed-bin")
//!     .javascript(false)
//!     .step(Step::click("Start now"))
//!     .step(Step::submit().expect_error())
//!     .step(Step::submit().fill("address.postcode", "ZY1 0AA"));
//! if let Some(report) = walk("my_test", &journey) {
//!     assert!(report.error.is_none(), "{}", civic_tests::journey::describe_journey(&journey, &report));
//! }
//! ```

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};

use crate::browser::{Violation, prerequisites};
use crate::workspace_root;

/// A journey: where it starts, whether JavaScript is on, and the steps a resident takes.
#[derive(Debug, Clone, Serialize)]
pub struct Journey {
    start: String,
    javascript: bool,
    screenshots: Option<PathBuf>,
    steps: Vec<Step>,
}

impl Journey {
    /// A journey starting at the page `start`, with JavaScript on and no screenshots.
    pub fn new(start: impl Into<String>) -> Journey {
        Journey {
            start: start.into(),
            javascript: true,
            screenshots: None,
            steps: Vec::new(),
        }
    }

    /// Walks it with JavaScript on (the default) or off.
    pub fn javascript(mut self, on: bool) -> Journey {
        self.javascript = on;
        self
    }

    /// Saves a full-page screenshot of every page visited into `dir`, named
    /// `<nn>-<heading>.png` (`<nn>-error-<heading>.png` for a page showing errors).
    pub fn screenshots(mut self, dir: impl Into<PathBuf>) -> Journey {
        self.screenshots = Some(dir.into());
        self
    }

    /// Adds `step`, taken on the page the previous step landed on.
    pub fn step(mut self, step: Step) -> Journey {
        self.steps.push(step);
        self
    }

    /// Whether JavaScript is on.
    pub fn javascript_on(&self) -> bool {
        self.javascript
    }

    /// The steps, in order.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }
}

/// One step of a journey: fill in, tick and upload fields, then press a button, follow a link or pay.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Step {
    fill: Vec<(String, String)>,
    check: Vec<String>,
    upload: Vec<(String, PathBuf)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    click: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pay: Option<Card>,
    #[serde(skip_serializing_if = "Option::is_none")]
    open: Option<String>,
    #[serde(rename = "openLink", skip_serializing_if = "Option::is_none")]
    open_link: Option<String>,
    #[serde(rename = "waitSeconds", skip_serializing_if = "Option::is_none")]
    wait_seconds: Option<u64>,
    #[serde(skip)]
    expect_error: bool,
    #[serde(skip)]
    expect_text: Vec<String>,
    #[serde(skip)]
    expect_status: Option<u16>,
    #[serde(skip)]
    expect_lang: Option<String>,
}

/// The card a resident pays with on the sandbox's card page.
#[derive(Debug, Clone, Serialize)]
struct Card {
    number: String,
}

impl Step {
    /// Waits `seconds` before acting, as a resident would before pressing "Check again" on a
    /// payment the provider finishes a few seconds later.
    pub fn after_seconds(mut self, seconds: u64) -> Step {
        self.wait_seconds = Some(seconds);
        self
    }

    /// Presses the first submit button of the page's form (`Continue`, `Find address`...).
    pub fn submit() -> Step {
        Step::default()
    }

    /// Presses the button, or follows the link, in the page's `<main>` whose accessible name
    /// is exactly `text`; `css=SELECTOR` clicks whatever matches the selector.
    pub fn click(text: impl Into<String>) -> Step {
        Step {
            click: Some(text.into()),
            ..Step::default()
        }
    }

    /// Pays on the sandbox's "Enter card details" page with the card `number` (the sandbox
    /// declines `4000000000000002` and accepts `4444333322221111`) and a valid expiry, name,
    /// security code and billing address.
    pub fn pay(number: impl Into<String>) -> Step {
        Step {
            pay: Some(Card {
                number: number.into(),
            }),
            ..Step::default()
        }
    }

    /// Opens `url` (absolute, or relative to the page) as if typed into the address bar.
    pub fn open(url: impl Into<String>) -> Step {
        Step {
            open: Some(url.into()),
            ..Step::default()
        }
    }

    /// Opens the first http(s) URL containing `text` written anywhere in the page's HTML
    /// (a link in an email in the development mailbox), reloading the page for up to 10
    /// seconds until one shows.
    pub fn open_link(text: impl Into<String>) -> Step {
        Step {
            open_link: Some(text.into()),
            ..Step::default()
        }
    }

    /// First types `value` into the field named `name` (in a `<select>`, picks the option
    /// whose value or text is `value`; with JavaScript on, a long list's select must have been
    /// enhanced into an autocomplete, and the option's text is typed into it and the first
    /// suggestion chosen).
    pub fn fill(mut self, name: &str, value: impl Into<String>) -> Step {
        self.fill.push((format!("[name=\"{name}\"]"), value.into()));
        self
    }

    /// First ticks the checkbox or radio named `name` with the value `value`.
    pub fn check(mut self, name: &str, value: &str) -> Step {
        self.check
            .push(format!("[name=\"{name}\"][value=\"{value}\"]"));
        self
    }

    /// First chooses the file at `path` in the file input named `name`.
    pub fn upload(mut self, name: &str, path: impl Into<PathBuf>) -> Step {
        self.upload
            .push((format!("[name=\"{name}\"]"), path.into()));
        self
    }

    /// First types the date `days` days ago (`-3`: in 3 days) into the date question
    /// `question`'s day, month and year, as a resident would.
    pub fn date_days_ago(self, question: &str, days: i64) -> Step {
        let date = time::OffsetDateTime::now_utc().date() - time::Duration::days(days);
        self.fill(&format!("{question}.day"), date.day().to_string())
            .fill(
                &format!("{question}.month"),
                u8::from(date.month()).to_string(),
            )
            .fill(&format!("{question}.year"), date.year().to_string())
    }

    /// The page this step lands on shows errors (the journey's assertions check for them).
    pub fn expect_error(mut self) -> Step {
        self.expect_error = true;
        self
    }

    /// The page this step lands on says `text` in its `<main>`.
    pub fn expect(mut self, text: impl Into<String>) -> Step {
        self.expect_text.push(text.into());
        self
    }

    /// The page this step lands on is served with `status` rather than 200.
    pub fn expect_status(mut self, status: u16) -> Step {
        self.expect_status = Some(status);
        self
    }

    /// The page this step lands on is in the language `code` rather than the journey's.
    pub fn expect_lang(mut self, code: impl Into<String>) -> Step {
        self.expect_lang = Some(code.into());
        self
    }

    /// The status the page this step lands on should be served with, when not 200.
    pub fn expected_status(&self) -> Option<u16> {
        self.expect_status
    }

    /// The language the page this step lands on should be in, when not the journey's.
    pub fn expected_lang(&self) -> Option<&str> {
        self.expect_lang.as_deref()
    }

    /// Whether the page this step lands on should show errors.
    pub fn expects_error(&self) -> bool {
        self.expect_error
    }

    /// What the page this step lands on should say.
    pub fn expected_text(&self) -> &[String] {
        &self.expect_text
    }
}

/// What a walk found: every page visited, and what stopped it if it did not finish.
#[derive(Debug, Deserialize)]
pub struct JourneyReport {
    /// Every page visited, the start page first.
    pub pages: Vec<JourneyPage>,
    /// Why the walk stopped before its last step, if it did.
    pub error: Option<String>,
}

/// One page of a journey as the resident saw it, checked with axe-core.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JourneyPage {
    /// The step that landed here; `None` for the start page.
    pub step: Option<usize>,
    /// The page's address.
    pub url: String,
    /// The HTTP status it was served with (after any redirects).
    pub status: Option<u16>,
    /// Its `<title>`.
    pub title: String,
    /// Its `<html lang>`.
    pub lang: Option<String>,
    /// Whether the stylesheet was applied.
    pub styled: bool,
    /// The error summary's text, if the page shows one.
    pub error_summary: Option<String>,
    /// Its first `<h1>`.
    pub h1: Option<String>,
    /// The text of its `<main>` (the first 2,000 characters), whitespace collapsed.
    pub text: String,
    /// Whether govuk-frontend's JavaScript ran (`govuk-frontend-supported` on `<body>`).
    pub javascript_ran: bool,
    /// Every axe rule it broke.
    pub violations: Vec<Violation>,
    /// Where its screenshot was saved, if screenshots were asked for.
    pub screenshot: Option<PathBuf>,
}

/// Walks `journey` in headless Chromium and reports every page visited.
///
/// Returns `None` after reporting `test` as skipped when Chromium, node or the npm packages
/// are missing; panics only if node cannot be run or prints no report.
pub fn walk(test: &str, journey: &Journey) -> Option<JourneyReport> {
    static WALKS: AtomicUsize = AtomicUsize::new(0);
    let chrome = prerequisites(test)?;
    let root = workspace_root();
    let file = std::env::temp_dir().join(format!(
        "civic-journey-{}-{}.json",
        std::process::id(),
        WALKS.fetch_add(1, Ordering::Relaxed)
    ));
    let json = serde_json::to_vec(journey)
        .unwrap_or_else(|error| panic!("the journey does not serialise: {error}"));
    std::fs::write(&file, json)
        .unwrap_or_else(|error| panic!("cannot write {}: {error}", file.display()));
    let output = Command::new("node")
        .arg(root.join("tests/browser/journey.mjs"))
        .arg(&file)
        .env("CHROME_PATH", chrome)
        .current_dir(root)
        .output();
    let _ = std::fs::remove_file(&file);
    let output = match output {
        Ok(output) => output,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            crate::skip(test, "node is not installed (run cargo xtask test)");
            return None;
        }
        Err(error) => panic!("cannot run node for the browser tests: {error}"),
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    let report = stdout
        .lines()
        .find(|line| line.starts_with('{'))
        .and_then(|line| serde_json::from_str::<JourneyReport>(line).ok());
    match report {
        Some(report) => Some(report),
        None => panic!(
            "journey.mjs printed no report ({}); stdout:\n{stdout}\nstderr:\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ),
    }
}

/// Every page of `report`, one line each (step, status, title, error summary, axe
/// violations), and the error that stopped the walk: for an assertion message.
pub fn describe_journey(journey: &Journey, report: &JourneyReport) -> String {
    let mut lines = vec![format!(
        "{} with JavaScript {}:",
        journey.start,
        if journey.javascript { "on" } else { "off" }
    )];
    for page in &report.pages {
        lines.push(format!(
            "  [{}] {} {} {:?}{}{}",
            page.step
                .map_or("start".to_owned(), |step| step.to_string()),
            page.status
                .map_or("-".to_owned(), |status| status.to_string()),
            page.url,
            page.title,
            page.error_summary
                .as_deref()
                .map_or(String::new(), |summary| format!(" errors: {summary:?}")),
            page.screenshot
                .as_deref()
                .map_or(String::new(), |path| format!(" ({})", display(path))),
        ));
        for violation in &page.violations {
            lines.push(format!("      axe {violation}"));
        }
    }
    if let Some(error) = &report.error {
        lines.push(format!("  stopped: {error}"));
    }
    lines.join("\n")
}

fn display(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// The language a journey is walked in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// Welsh.
    Cy,
}

impl Lang {
    /// The code `<html lang>` should carry.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
        }
    }

    /// `en` or `cy`, whichever the resident reads.
    pub fn t(self, en: &'static str, cy: &'static str) -> &'static str {
        match self {
            Lang::En => en,
            Lang::Cy => cy,
        }
    }

    /// What the title of a page with errors starts with.
    pub fn error_prefix(self) -> &'static str {
        self.t("Error: ", "Gwall: ")
    }
}

/// Everything wrong with the walk of `journey` in `lang`, one line each: a walk that did not
/// finish, and on every page a status, `<html lang>`, errors or text other than its step
/// expects, the stylesheet not applied, govuk-frontend's JavaScript run with it off (or not
/// run with it on), and each axe-core violation that `excused` does not excuse. The
/// development mailbox (`/dev/mailbox`) is a developer's bare page: its style and scripts are
/// not checked.
pub fn problems(
    journey: &Journey,
    lang: Lang,
    report: &JourneyReport,
    excused: impl Fn(&Violation) -> bool,
) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(error) = &report.error {
        problems.push(format!("did not finish: {error}"));
    } else if report.pages.len() != journey.steps().len() + 1 {
        problems.push(format!(
            "visited {} pages for {} steps",
            report.pages.len(),
            journey.steps().len()
        ));
    }
    for page in &report.pages {
        let step = page.step.and_then(|index| journey.steps().get(index));
        let at = format!(
            "[{}] {}",
            page.step.map_or("start".to_owned(), |s| s.to_string()),
            page.url
        );
        let status = step.and_then(Step::expected_status).unwrap_or(200);
        if page.status != Some(status) {
            problems.push(format!("{at}: status {:?}, not {status}", page.status));
        }
        let lang_code = step.and_then(Step::expected_lang).unwrap_or(lang.code());
        if page.lang.as_deref() != Some(lang_code) {
            problems.push(format!("{at}: lang {:?}, not {lang_code}", page.lang));
        }
        let resident_page = !page.url.ends_with("/dev/mailbox");
        if resident_page && !page.styled {
            problems.push(format!("{at}: the stylesheet is not applied"));
        }
        if resident_page && page.javascript_ran != journey.javascript_on() {
            problems.push(format!(
                "{at}: govuk-frontend's JavaScript {}",
                if page.javascript_ran {
                    "ran with JavaScript off"
                } else {
                    "did not run"
                }
            ));
        }
        for violation in page.violations.iter().filter(|v| !excused(v)) {
            problems.push(format!("{at}: axe {violation}"));
        }
        let titled = page.title.starts_with(lang.error_prefix());
        let expects_errors = step.is_some_and(Step::expects_error);
        if expects_errors && !(titled && page.error_summary.is_some()) {
            problems.push(format!(
                "{at}: expected errors: title {:?}, error summary {:?}",
                page.title, page.error_summary
            ));
        } else if !expects_errors && (titled || page.error_summary.is_some()) {
            problems.push(format!(
                "{at}: unexpected errors: title {:?}, error summary {:?}",
                page.title, page.error_summary
            ));
        }
        for text in step.map(Step::expected_text).unwrap_or_default() {
            if !page.text.contains(text.as_str()) {
                problems.push(format!("{at}: does not say {text:?}: {:?}", page.text));
            }
        }
    }
    problems
}

//! The Nu HTML Checker (npm `vnu-jar`, run with the system's Java) over a folder of pages.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

use crate::{skip, workspace_root};

/// One thing the checker reported.
#[derive(Debug, Deserialize)]
pub struct Message {
    /// `error`, `info` or `non-document-error`.
    #[serde(rename = "type")]
    pub kind: String,
    /// `warning` for an info message that is a warning.
    #[serde(rename = "subType")]
    pub sub_type: Option<String>,
    /// The checked file, as a `file:` URL.
    pub url: Option<String>,
    /// The line it was found on.
    #[serde(rename = "lastLine")]
    pub last_line: Option<u64>,
    /// What is wrong.
    pub message: String,
    /// The markup around it.
    pub extract: Option<String>,
}

impl Message {
    /// Whether this is an error (the checker also reports warnings and notes).
    pub fn is_error(&self) -> bool {
        self.kind != "info"
    }

    /// The checked file's path, when the message is about one.
    pub fn path(&self) -> Option<PathBuf> {
        self.url
            .as_deref()
            .and_then(|url| url.strip_prefix("file:"))
            .map(|path| PathBuf::from(path.trim_start_matches("//")))
    }
}

#[derive(Deserialize)]
struct Output {
    messages: Vec<Message>,
}

/// The Java to run: `$JAVA_HOME/bin/java`, else `java` from `PATH`.
fn java() -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("JAVA_HOME").filter(|h| !h.is_empty()) {
        let java = Path::new(&home).join("bin/java");
        if java.is_file() {
            return Some(java);
        }
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("java"))
        .find(|java| java.is_file())
}

/// Checks every `.html` file under `dir` and returns the errors (not warnings).
///
/// Returns `None` after reporting `test` as skipped when Java or the npm package `vnu-jar` is
/// missing (`cargo xtask setup` installs both).
pub fn check_dir(test: &str, dir: &Path) -> Option<Vec<Message>> {
    let jar = workspace_root().join("node_modules/vnu-jar/build/dist/vnu.jar");
    if !jar.is_file() {
        skip(
            test,
            "npm package vnu-jar is not installed (run cargo xtask setup)",
        );
        return None;
    }
    let Some(java) = java() else {
        skip(test, "Java is not installed (run cargo xtask setup)");
        return None;
    };
    let output = Command::new(java)
        .arg("-Xss1m")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--skip-non-html", "--format", "json"])
        .arg(dir)
        .output();
    let output = match output {
        Ok(output) => output,
        Err(error) => panic!("cannot run the Nu HTML Checker: {error}"),
    };
    // The checker writes its report to stderr and exits 1 when it found errors.
    let report = String::from_utf8_lossy(&output.stderr);
    let parsed: Output = serde_json::from_str(&report)
        .unwrap_or_else(|e| panic!("the Nu HTML Checker's report is not JSON ({e}):\n{report}"));
    Some(
        parsed
            .messages
            .into_iter()
            .filter(Message::is_error)
            .collect(),
    )
}

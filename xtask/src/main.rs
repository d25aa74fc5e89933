//! The README's two commands: `cargo xtask demo` runs the demo council on embedded defaults,
//! `cargo xtask test` runs the whole test suite. Each installs what it needs first.
//!
//! Kept in Rust, not shell, so the only prerequisites are the ones the README names: the Rust
//! toolchain and Node.js with npm.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

/// The mdBook release the book is built and checked with.
const MDBOOK_VERSION: &str = "0.5.4";

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let result = match task.as_str() {
        "demo" => demo(),
        "test" => test(),
        "setup" => setup(Needs::ALL),
        _ => Err(
            "usage: cargo xtask <demo|test|setup>\n  demo   run the demo council at http://localhost:3000\n  test   run the whole test suite\n  setup  install what the tests need, and nothing else"
                .to_owned(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    // xtask/ sits directly under the workspace root.
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// What a task needs installed before it runs.
#[derive(Clone, Copy)]
struct Needs {
    browser: bool,
    book: bool,
}

impl Needs {
    const DEMO: Needs = Needs {
        browser: false,
        book: false,
    };
    const ALL: Needs = Needs {
        browser: true,
        book: true,
    };
}

fn demo() -> Result<(), String> {
    setup(Needs::DEMO)?;
    println!("xtask: starting the demo council at http://localhost:3000 (Ctrl-C stops it)");
    run(cargo().args(["run", "--package", "civic-demo", "--bin", "civic-demo"]))
}

fn test() -> Result<(), String> {
    setup(Needs::ALL)?;
    let root = root();
    // The book's generated parts (rendered component examples, params tables, answer type
    // and reference pages) come from civic-book, which calls our own renderer.
    run(cargo().args(["run", "--quiet", "--package", "civic-book"]))?;
    run(Command::new(mdbook_path())
        .args(["build"])
        .arg(root.join("book")))?;
    let mut command = cargo();
    command.args(["test", "--workspace", "--no-fail-fast"]);
    // Tests run from their own crate's folder: a relative path must not change meaning there.
    if let Some(data) = std::env::var_os("CIVIC_REFERENCE_DATA").filter(|v| !v.is_empty()) {
        let absolute = std::path::absolute(&data)
            .map_err(|e| format!("CIVIC_REFERENCE_DATA {}: {e}", Path::new(&data).display()))?;
        command.env("CIVIC_REFERENCE_DATA", absolute);
    }
    run_tests(&mut command)
}

fn setup(needs: Needs) -> Result<(), String> {
    npm_packages()?;
    // The stylesheet and script every page links to, compiled from govuk-frontend with Dart Sass.
    run(Command::new("sh")
        .arg(root().join("components/build-assets"))
        .current_dir(root()))?;
    if needs.book {
        mdbook()?;
    }
    if needs.browser {
        system_package(
            "chromium",
            "CHROME_PATH",
            &["chromium", "chromium-browser"],
            "chromium",
        )?;
        system_package("java", "JAVA_HOME", &["java"], "default-jre-headless")?;
    }
    Ok(())
}

fn cargo() -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command.current_dir(root());
    command
}

fn run(command: &mut Command) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|e| format!("cannot run {command:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} failed ({status})"))
    }
}

/// Installs the npm packages pinned in package-lock.json when node_modules is missing or older.
fn npm_packages() -> Result<(), String> {
    let root = root();
    let lock = root.join("package-lock.json");
    if !lock.exists() {
        return Ok(());
    }
    let marker = root.join("node_modules/.package-lock.json");
    let fresh = match (modified(&marker), modified(&lock)) {
        (Some(installed), Some(locked)) => installed >= locked,
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&root))
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

fn mdbook_path() -> PathBuf {
    root().join(".tools/bin/mdbook")
}

/// Builds the pinned mdBook into `.tools/` once; later runs reuse it.
fn mdbook() -> Result<(), String> {
    let path = mdbook_path();
    let installed = Command::new(&path)
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains(MDBOOK_VERSION))
        .unwrap_or(false);
    if installed {
        return Ok(());
    }
    println!("xtask: building mdbook {MDBOOK_VERSION} into .tools/ (once)");
    run(cargo()
        .args([
            "install",
            "mdbook",
            "--locked",
            "--version",
            MDBOOK_VERSION,
            "--root",
        ])
        .arg(root().join(".tools")))
}

/// Makes sure a system program is present: the one named by `variable`, one of `programs` on
/// the PATH, or the Debian/Ubuntu `package` installed with apt-get.
fn system_package(
    what: &str,
    variable: &str,
    programs: &[&str],
    package: &str,
) -> Result<(), String> {
    if std::env::var_os(variable).is_some_and(|v| !v.is_empty()) {
        return Ok(());
    }
    if programs.iter().any(|p| on_path(p)) {
        return Ok(());
    }
    println!("xtask: installing {what} ({package}) with apt-get");
    let sudo = !is_root() && on_path("sudo");
    let apt = |args: &[&str]| {
        let mut command = if sudo {
            let mut c = Command::new("sudo");
            c.arg("apt-get");
            c
        } else {
            Command::new("apt-get")
        };
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut command)
    };
    apt(&["update", "-qq"])?;
    apt(&["install", "-y", "-qq", package]).map_err(|e| {
        format!("{e}; install {package} yourself or set {variable} to point at {what}")
    })
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// Runs the test command, passing its output through, and ends with one summary line over
/// every test binary: `N passed, N failed, N skipped`. Tests that skip for want of
/// `CIVIC_TEST_DATABASE_URL` or `CIVIC_REFERENCE_DATA` print a line starting `SKIPPED`.
fn run_tests(command: &mut Command) -> Result<(), String> {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {command:?}: {e}"))?;
    let stderr = child.stderr.take();
    let skips = std::thread::spawn(move || {
        let mut skipped = 0usize;
        if let Some(stderr) = stderr {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if line.starts_with("SKIPPED ") {
                    skipped += 1;
                }
                let _ = writeln!(std::io::stderr(), "{line}");
            }
        }
        skipped
    });
    let (mut passed, mut failed, mut ignored) = (0usize, 0usize, 0usize);
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(counts) = line.strip_prefix("test result: ") {
                passed += count(counts, " passed");
                failed += count(counts, " failed");
                ignored += count(counts, " ignored");
            }
            println!("{line}");
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    let skipped = skips.join().unwrap_or(0);
    println!();
    println!(
        "Summary: {passed} passed, {failed} failed, {} skipped",
        skipped + ignored
    );
    if status.success() {
        Ok(())
    } else {
        Err(format!("tests failed ({status})"))
    }
}

/// The number before `label` in a libtest result line such as `ok. 3 passed; 0 failed; ...`.
fn count(line: &str, label: &str) -> usize {
    line.split(';')
        .find_map(|part| {
            let part = part
                .trim()
                .trim_start_matches("ok. ")
                .trim_start_matches("FAILED. ");
            part.strip_suffix(label)?.trim().parse().ok()
        })
        .unwrap_or(0)
}

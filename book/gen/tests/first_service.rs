//! "Your first service in 15 minutes", run verbatim: the commands the page shows
//! (`first-service/commands.sh`, included by anchor) in a fresh directory, with the form the
//! page shows, and the `civic` command built from this workspace.

#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .unwrap()
        .to_path_buf()
}

/// The lines between `# ANCHOR: name` and `# ANCHOR_END: name`, as the page shows them.
fn section(name: &str) -> String {
    let text = std::fs::read_to_string(root().join("book/gen/first-service/commands.sh")).unwrap();
    let start = format!("# ANCHOR: {name}\n");
    let end = format!("# ANCHOR_END: {name}");
    let from = text.find(&start).unwrap() + start.len();
    let to = from + text[from..].find(&end).unwrap();
    text[from..to].to_owned()
}

/// A folder with a `civic` on the PATH that runs this workspace's CLI.
fn civic_on_path(dir: &Path) -> String {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let shim = bin.join("civic");
    std::fs::write(
        &shim,
        format!(
            "#!/bin/sh\nexec '{cargo}' run --quiet --manifest-path '{}' --package civic-cli --bin civic -- \"$@\"\n",
            root().join("Cargo.toml").display()
        ),
    )
    .unwrap();
    Command::new("chmod").arg("+x").arg(&shim).status().unwrap();
    format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// Runs `script` with `sh -e` in `dir`.
fn sh(dir: &Path, path: &str, script: &str) -> Output {
    let mut command = Command::new("sh");
    command
        .arg("-ec")
        .arg(script)
        .current_dir(dir)
        .env("PATH", path);
    // What cargo set for this test (CARGO_PKG_*, CARGO_MANIFEST_DIR, ...) would make the
    // nested `cargo run` rebuild the CLI; a developer's shell has none of it.
    for (name, _) in std::env::vars_os() {
        let name = name.to_string_lossy();
        if name.starts_with("CARGO_") && name != "CARGO_HOME" && name != "CARGO_TARGET_DIR" {
            command.env_remove(name.as_ref());
        }
    }
    command.output().unwrap()
}

#[test]
fn your_first_service_verbatim() {
    let work = tempfile::tempdir().unwrap();
    let path = civic_on_path(work.path());
    let fresh = work.path().join("fresh");
    std::fs::create_dir_all(&fresh).unwrap();

    // 2. Make a folder for the service (the page's commands end inside it).
    let folder = section("folder");
    let made = sh(&fresh, &path, &format!("{folder}pwd"));
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let service = PathBuf::from(String::from_utf8_lossy(&made.stdout).trim());
    assert_eq!(service, fresh.join("report-a-pothole"));

    // 3. Write the form: the file the page shows.
    std::fs::copy(
        root().join("book/gen/forms/report-a-pothole.yaml"),
        service.join("report-a-pothole.yaml"),
    )
    .unwrap();

    // 4. Check it.
    let checked = sh(&service, &path, &section("check"));
    let stdout = String::from_utf8_lossy(&checked.stdout);
    assert!(
        checked.status.success(),
        "civic forms check failed: {stdout}{}",
        String::from_utf8_lossy(&checked.stderr)
    );
    assert_eq!(stdout.trim(), "report-a-pothole.yaml: no problems found");

    // 5. Serve it, and complete the form over HTTP.
    let help = sh(&service, &path, "civic forms --help");
    let serve_exists = String::from_utf8_lossy(&help.stdout)
        .lines()
        .any(|line| line.trim_start().starts_with("serve "));
    if !serve_exists {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED your_first_service_verbatim step 5: `civic forms serve` does not exist yet (civic-forms' HTTP layer is being written); steps 2 to 4 ran"
        );
        return;
    }
    panic!(
        "`civic forms serve` exists now: finish this test — run the page's `serve` section ({:?}) \
         in the background and complete the form over HTTP — and take the 'coming' note off \
         book/src/user-guide/first-service.md",
        section("serve").trim()
    );
}

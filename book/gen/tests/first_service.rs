//! "Your first service in 15 minutes", run verbatim: the commands the page shows
//! (`first-service/commands.sh`, included by anchor) in a fresh directory, with the form the
//! page shows, and the `civic` command built from this workspace.

#![allow(clippy::unwrap_used)]

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
    let server = Server::start(&service, &path, &section("serve"));
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let confirmation = runtime.block_on(complete_the_form(&server.url));
    assert!(
        confirmation.contains("Application complete"),
        "{confirmation}"
    );
    assert!(
        confirmation.contains("Your reference number is"),
        "{confirmation}"
    );
}

/// `civic forms serve`, run as the page shows it, in its own process group so that the
/// shell, cargo and the server all stop with it.
struct Server {
    child: std::process::Child,
    url: String,
}

impl Server {
    fn start(dir: &Path, path: &str, script: &str) -> Server {
        use std::io::BufRead;
        use std::os::unix::process::CommandExt;
        let mut command = Command::new("sh");
        command
            .arg("-ec")
            .arg(script)
            .current_dir(dir)
            .env("PATH", path)
            // Any free port: other tests and services may hold 3000.
            .env("CIVIC_FORMS_PORT", "0")
            .stdout(std::process::Stdio::piped())
            .process_group(0);
        for (name, _) in std::env::vars_os() {
            let name = name.to_string_lossy();
            if name.starts_with("CARGO_") && name != "CARGO_HOME" && name != "CARGO_TARGET_DIR" {
                command.env_remove(name.as_ref());
            }
        }
        let mut child = command.spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = std::io::BufReader::new(stdout).lines();
        let first = lines.next().unwrap().unwrap();
        let url = first
            .split_whitespace()
            .find(|word| word.starts_with("http://"))
            .unwrap_or_else(|| panic!("no address in {first:?}"))
            .to_owned();
        assert!(url.ends_with("/report-a-pothole"), "{first}");
        // Keep reading so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server { child, url }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", "--"])
            .arg(format!("-{}", self.child.id()))
            .status();
        // Reaped, so no zombie outlives the test.
        let _ = self.child.wait();
    }
}

fn csrf(page: &str) -> String {
    let marker = r#"name="csrf_token" value=""#;
    let from = page
        .find(marker)
        .unwrap_or_else(|| panic!("no CSRF token: {page}"))
        + marker.len();
    let to = from + page[from..].find('"').unwrap();
    page[from..to].to_owned()
}

/// Answers every page the way a resident's browser would, and returns the confirmation page.
async fn complete_the_form(url: &str) -> String {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let mut page = client.get(url).send().await.unwrap();
    let answers: [(&str, &[(&str, &str)]); 4] = [
        ("location", &[("postcode", "sw1a 2aa")]),
        ("size", &[("size", "large")]),
        (
            "spotted",
            &[
                ("spotted.day", "1"),
                ("spotted.month", "11"),
                ("spotted.year", "2025"),
            ],
        ),
        ("contact", &[("email", "resident@example.com")]),
    ];
    for (id, fields) in answers {
        assert!(
            page.url().path().ends_with(id),
            "expected {id}, got {}",
            page.url()
        );
        let html = page.text().await.unwrap();
        let token = csrf(&html);
        let mut form = vec![("csrf_token", token.as_str())];
        form.extend_from_slice(fields);
        page = client
            .post(format!("{url}/{id}"))
            .form(&form)
            .send()
            .await
            .unwrap();
    }
    assert!(
        page.url().path().ends_with("/check-answers"),
        "{}",
        page.url()
    );
    let check = page.text().await.unwrap();
    assert!(check.contains("SW1A 2AA"), "{check}");
    let sent = client
        .post(format!("{url}/check-answers"))
        .form(&[("csrf_token", csrf(&check))])
        .send()
        .await
        .unwrap();
    assert!(
        sent.url().path().ends_with("/confirmation"),
        "{}",
        sent.url()
    );
    sent.text().await.unwrap()
}

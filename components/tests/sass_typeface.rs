//! A council's own typeface is one Sass setting: `$civic-font-family` on `civic.scss`.
//! Compiles a stylesheet that sets it with Dart Sass (npm `sass`, pinned) and checks every
//! font stack in the output is the council's, with no GDS Transport.

use std::io::Write;
use std::path::Path;
use std::process::Command;

#[test]
fn a_council_typeface_is_one_setting() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    if !root.join("node_modules/sass").is_dir()
        || !root.join("node_modules/govuk-frontend").is_dir()
    {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED a_council_typeface_is_one_setting: node_modules (sass, govuk-frontend) is not installed"
        );
        return;
    }
    let dir = std::env::temp_dir().join(format!("civic-sass-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let entry = dir.join("council.scss");
    std::fs::write(
        &entry,
        "@use \"civic\" with ($civic-font-family: (\"Council Sans\", arial, sans-serif));\n",
    )
    .unwrap();
    let css = dir.join("council.css");
    let output = Command::new("npx")
        .args([
            "--no-install",
            "sass",
            "--load-path=node_modules",
            "--load-path=components/assets",
        ])
        .args(["--no-source-map", "--style=compressed"])
        .arg(&entry)
        .arg(&css)
        .current_dir(&root)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "sass failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let css = std::fs::read_to_string(css).unwrap();
    assert!(!css.contains("GDS Transport"));
    let stacks: Vec<&str> = css
        .match_indices("font-family:")
        .map(|(at, _)| css[at..].split([';', '}']).next().unwrap())
        .filter(|stack| *stack != "font-family:sans-serif") // upstream's print stack
        .collect();
    assert!(stacks.len() > 50, "only {} font rules", stacks.len());
    for stack in stacks {
        assert_eq!(stack, r#"font-family:"Council Sans",arial,sans-serif"#);
    }
}

//! `civic-book [OUT]`: writes the guide's generated files into OUT (default
//! `book/src/generated`), for `mdbook build book` to include.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    // book/gen/ sits two folders under the workspace root.
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."));
    let out = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("book/src/generated"));
    match civic_book::generate::all(&root, &out) {
        Ok(written) => {
            println!(
                "civic-book: wrote {} component examples and {} answer type pages into {}{}",
                written.components,
                written.answer_types,
                out.display(),
                if written.stylesheet {
                    ""
                } else {
                    " (previews unstyled: run components/build-assets first)"
                }
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("civic-book: {error}");
            ExitCode::from(2)
        }
    }
}

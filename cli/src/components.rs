//! `civic components`: list GOV.UK Frontend components, render one from its options JSON, and
//! write a gallery of every upstream fixture.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use serde::Serialize;

use civic_components::brand::{Brand, BrandColour};
use civic_components::gallery::Gallery;
use civic_components::{COMPONENTS, ParamsError, render_json};

use crate::input::{self, Failure, Outcome, Verdict};

/// The `civic components` subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every component by its upstream name, with its upstream fixture count.
    ///
    /// Fixture counts are read from an installed govuk-frontend package (`npm install` at the
    /// workspace root); without one, the count is left out.
    List(ListArgs),
    /// Render one component from the options object its Nunjucks macro takes; HTML on stdout.
    ///
    /// Exit status 1 when the options do not fit the component (the error names the JSON
    /// path, e.g. `items[2].conditional.html`); 2 for an unknown component or unreadable file.
    Render(RenderArgs),
    /// Write every upstream fixture as a branded page of its own, with an index and the assets.
    ///
    /// Every fixture, hidden ones too, is rendered inside the page template under a council's
    /// brand: DIR/<component>/<fixture>.html, DIR/index.html listing them all, and DIR/assets/,
    /// linked relatively so the gallery opens from disk. Needs an installed govuk-frontend package
    /// (`npm install` at the workspace root) and the built stylesheet (components/build-assets).
    Gallery(GalleryArgs),
}

/// Arguments of `civic components list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// The installed govuk-frontend package to count fixtures in, for example ./node_modules/govuk-frontend.
    #[arg(
        long,
        value_name = "DIR",
        default_value = "node_modules/govuk-frontend"
    )]
    pub upstream: PathBuf,
    /// Print one JSON object per component: {"component","fixtures","available"}.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `civic components render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The component's upstream folder name, for example date-input.
    #[arg(value_name = "NAME")]
    pub name: String,
    /// The options as a JSON file, or - for standard input, for example --params button.json
    /// (default: no options, `{}`).
    #[arg(long, value_name = "FILE")]
    pub params: Option<String>,
}

/// Arguments of `civic components gallery`.
#[derive(Debug, Args)]
pub struct GalleryArgs {
    /// The folder to write the gallery into (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// The installed govuk-frontend package to read fixtures from.
    #[arg(
        long,
        value_name = "DIR",
        default_value = "node_modules/govuk-frontend"
    )]
    pub upstream: PathBuf,
    /// The folder holding the built civic.css and govuk-frontend.min.js
    /// (default: components/assets/dist in civic's source).
    #[arg(long, value_name = "DIR")]
    pub assets: Option<PathBuf>,
    /// The council named in the header and footer.
    #[arg(
        long,
        value_name = "NAME",
        default_value = "Kestrel Vale Borough Council"
    )]
    pub council: String,
    /// The brand colour, which must carry white text, for example #005a4e.
    #[arg(long, value_name = "HEX", default_value = "#005a4e")]
    pub colour: String,
}

/// Runs one `civic components` subcommand.
pub fn run(command: Command) -> Outcome {
    match command {
        Command::List(args) => list(&args),
        Command::Render(args) => render(&args),
        Command::Gallery(args) => gallery(&args),
    }
}

#[derive(Serialize)]
struct Listed<'a> {
    component: &'a str,
    fixtures: Option<usize>,
    available: bool,
}

fn list(args: &ListArgs) -> Outcome {
    let mut stdout = std::io::stdout().lock();
    for &component in COMPONENTS {
        let fixtures = fixture_count(&args.upstream, component);
        // A component not yet written answers NotImplemented whatever the options.
        let available = !matches!(
            render_json(component, serde_json::json!({})),
            Err(ParamsError::NotImplemented(_))
        );
        if args.json {
            input::print_json_line(&Listed {
                component,
                fixtures,
                available,
            })?;
        } else {
            let count = fixtures.map_or_else(String::new, |n| format!("{n} fixtures"));
            let note = if available {
                ""
            } else {
                "  (not available yet)"
            };
            writeln!(stdout, "{component:<22}{count}{note}")?;
        }
    }
    Ok(Verdict::AllValid)
}

fn fixture_count(upstream: &Path, component: &str) -> Option<usize> {
    let path = upstream
        .join("dist/govuk/components")
        .join(component)
        .join("fixtures.json");
    let text = std::fs::read_to_string(path).ok()?;
    let file: serde_json::Value = serde_json::from_str(&text).ok()?;
    file.get("fixtures")?.as_array().map(Vec::len)
}

fn render(args: &RenderArgs) -> Outcome {
    let params = match &args.params {
        Some(path) => {
            let text = input::read_document(path)?;
            match serde_json::from_str(&text) {
                Ok(value) => value,
                Err(e) => return invalid(&format!("{}: the options are not JSON: {e}", args.name)),
            }
        }
        None => serde_json::json!({}),
    };
    match render_json(&args.name, params) {
        Ok(markup) => {
            writeln!(std::io::stdout().lock(), "{}", markup.into_string())?;
            Ok(Verdict::AllValid)
        }
        Err(error) if error.is_invalid_params() => invalid(&error.to_string()),
        Err(error) => Err(Failure(error.to_string())),
    }
}

fn gallery(args: &GalleryArgs) -> Outcome {
    let colour = match BrandColour::parse(&args.colour) {
        Ok(colour) => colour,
        Err(error) => return invalid(&format!("--colour {}: {error}", args.colour)),
    };
    let mut gallery = Gallery::new(&args.upstream, Brand::new(&args.council, colour));
    if let Some(dir) = &args.assets {
        gallery = gallery.assets_dir(dir);
    }
    let written = gallery
        .write(&args.out)
        .map_err(|error| Failure(error.to_string()))?;
    writeln!(
        std::io::stdout().lock(),
        "wrote {} pages of {} components and {} assets to {}",
        written.pages,
        written.components,
        written.assets,
        args.out.display()
    )?;
    Ok(Verdict::AllValid)
}

/// Reports options that do not fit as one line on stderr: exit status 1, as for any invalid input.
fn invalid(message: &str) -> Outcome {
    writeln!(std::io::stderr().lock(), "civic: {message}")?;
    Ok(Verdict::SomeInvalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(out: &Path) -> GalleryArgs {
        GalleryArgs {
            out: out.to_owned(),
            upstream: Path::new(env!("CARGO_MANIFEST_DIR")).join("../node_modules/govuk-frontend"),
            assets: None,
            council: "Kestrel Vale Borough Council".to_owned(),
            colour: "#005a4e".to_owned(),
        }
    }

    #[test]
    fn a_colour_that_cannot_carry_white_text_is_invalid_input() {
        let out =
            std::env::temp_dir().join(format!("civic-cli-gallery-bad-{}", std::process::id()));
        let mut bad = args(&out);
        bad.colour = "#ffff00".to_owned();
        assert_eq!(gallery(&bad).unwrap(), Verdict::SomeInvalid);
        assert!(!out.exists(), "nothing is written for a bad colour");
    }

    #[test]
    fn gallery_writes_every_fixture_and_an_index() {
        let out = std::env::temp_dir().join(format!("civic-cli-gallery-{}", std::process::id()));
        let args = args(&out);
        if !args.upstream.is_dir() || !civic_components::assets::Assets::default_dir().is_dir() {
            eprintln!("SKIPPED gallery_writes_every_fixture_and_an_index: run cargo xtask setup");
            return;
        }
        assert_eq!(gallery(&args).unwrap(), Verdict::AllValid);
        let index = std::fs::read_to_string(out.join("index.html")).unwrap();
        assert!(
            index.contains(r#"href="date-input/with-errors-only.html""#),
            "{index}"
        );
        let page = std::fs::read_to_string(out.join("button/start.html")).unwrap();
        assert!(
            page.contains("govuk-button--start") && page.contains("Kestrel Vale Borough Council")
        );
        let _ = std::fs::remove_dir_all(&out);
    }

    #[test]
    fn a_missing_package_fails_naming_it() {
        let out =
            std::env::temp_dir().join(format!("civic-cli-gallery-none-{}", std::process::id()));
        let mut missing = args(&out);
        missing.upstream = PathBuf::from("/nonexistent/govuk-frontend");
        missing.assets = Some(PathBuf::from("/nonexistent/dist"));
        match gallery(&missing) {
            Err(Failure(message)) => assert!(message.contains("/nonexistent/"), "{message}"),
            other => panic!("expected a failure, got {other:?}"),
        }
    }
}

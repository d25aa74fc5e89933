//! `civic components`: list GOV.UK Frontend components and render one from its options JSON.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use serde::Serialize;

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

/// Runs one `civic components` subcommand.
pub fn run(command: Command) -> Outcome {
    match command {
        Command::List(args) => list(&args),
        Command::Render(args) => render(&args),
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

/// Reports options that do not fit as one line on stderr: exit status 1, as for any invalid input.
fn invalid(message: &str) -> Outcome {
    writeln!(std::io::stderr().lock(), "civic: {message}")?;
    Ok(Verdict::SomeInvalid)
}

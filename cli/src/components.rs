//! `civic components`: its subcommands arrive with the civic-components issue.

use clap::Subcommand;

use crate::input::Outcome;

/// The `civic components` subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {}

/// Runs one `civic components` subcommand.
pub fn run(command: Command) -> Outcome {
    match command {}
}

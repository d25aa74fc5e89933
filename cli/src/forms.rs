//! `civic forms`: its subcommands arrive with the civic-forms issue.

use clap::Subcommand;

use crate::input::Outcome;

/// The `civic forms` subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {}

/// Runs one `civic forms` subcommand.
pub fn run(command: Command) -> Outcome {
    match command {}
}

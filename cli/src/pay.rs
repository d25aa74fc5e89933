//! `civic pay`: its subcommands arrive with the civic-pay-adapters issue.

use clap::Subcommand;

use crate::input::Outcome;

/// The `civic pay` subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {}

/// Runs one `civic pay` subcommand.
pub fn run(command: Command) -> Outcome {
    match command {}
}

//! `civic notify`: its subcommands arrive with the civic-notify issue.

use clap::Subcommand;

use crate::input::Outcome;

/// The `civic notify` subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {}

/// Runs one `civic notify` subcommand.
pub fn run(command: Command) -> Outcome {
    match command {}
}

//! `civic address`: its subcommands arrive with the civic-address-lookup issue.

use clap::Subcommand;

use crate::input::Outcome;

/// The `civic address` subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {}

/// Runs one `civic address` subcommand.
pub fn run(command: Command) -> Outcome {
    match command {}
}

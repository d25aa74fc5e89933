//! `civic`: the council developer's command for checking inputs, rendering components, trying
//! forms and payments from a terminal.
//!
//! Every subcommand follows the conventions in [`input`]: inputs as arguments or one per line
//! on standard input, `--json` for one JSON object per line, and exit status 0 (all inputs
//! valid), 1 (some input invalid) or 2 (usage or I/O error, one line on stderr).

mod address;
mod components;
mod forms;
mod input;
mod notify;
mod pay;
mod runtime;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The command line, as clap parses it.
#[derive(Debug, Parser)]
#[command(
    name = "civic",
    version,
    about = "Tools for council developers building services with the civic crates",
    long_about = "Tools for council developers building services with the civic crates.\n\n\
        Inputs come as arguments or, when none are given, one per line on standard input. \
        Exit status: 0 when every input is valid, 1 when any input is invalid (a result is \
        still printed for each), 2 for a usage or I/O error (one line on stderr).",
    after_help = "Examples:\n  civic address postcode 'sw1a 2aa'\n  civic components render button --params button.json\n  civic notify sms-info --json < messages.jsonl",
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    group: Group,
}

#[derive(Debug, Subcommand)]
enum Group {
    /// Render GOV.UK Frontend components and browse the gallery.
    #[command(subcommand)]
    Components(components::Command),
    /// Check, serve and export form definitions.
    #[command(subcommand)]
    Forms(forms::Command),
    /// Preview templates, count SMS fragments, check phone numbers and emails, send messages.
    #[command(subcommand)]
    Notify(notify::Command),
    /// Run the payment sandbox and try payments against the configured provider.
    #[command(subcommand)]
    Pay(pay::Command),
    /// Validate postcodes, import address data and search an address index.
    #[command(subcommand)]
    Address(address::Command),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.group {
        Group::Components(command) => components::run(command),
        Group::Forms(command) => forms::run(command),
        Group::Notify(command) => notify::run(command),
        Group::Pay(command) => pay::run(command),
        Group::Address(command) => address::run(command),
    };
    input::exit(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    /// Every command's `--help`, snapshot-tested: a changed flag or description shows up in
    /// review. Update with `INSTA_UPDATE=always cargo test -p civic-cli`.
    #[test]
    fn help_snapshots() {
        fn walk(command: &mut clap::Command, path: String) {
            let help = command.render_long_help().to_string();
            insta::assert_snapshot!(path.replace(' ', "_"), help);
            let names: Vec<String> = command
                .get_subcommands()
                .map(|c| c.get_name().to_owned())
                .filter(|name| name != "help")
                .collect();
            for name in names {
                if let Some(sub) = command.find_subcommand_mut(&name) {
                    walk(sub, format!("{path} {name}"));
                }
            }
        }
        // A fixed width, so the snapshots do not depend on the terminal running the tests.
        let mut command = Cli::command().term_width(100);
        command.build();
        walk(&mut command, "civic".to_owned());
    }

    #[test]
    fn top_level_help_lists_the_five_groups() {
        let help = Cli::command().render_help().to_string();
        for group in ["components", "forms", "notify", "pay", "address"] {
            assert!(help.contains(group), "{group} missing from:\n{help}");
        }
    }

    #[test]
    fn every_flag_is_described() {
        fn walk(command: &clap::Command) {
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                assert!(
                    arg.get_help().is_some() || arg.get_long_help().is_some(),
                    "`{} {id}` has no description",
                    command.get_name()
                );
            }
            command.get_subcommands().for_each(walk);
        }
        walk(&Cli::command());
    }
}

//! The conventions every `civic` subcommand shares: where inputs come from, how results are
//! printed and which exit status is returned.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

/// Why a command could not run at all: bad usage or an I/O failure. Exit status 2.
#[derive(Debug)]
pub struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(error: E) -> Self {
        Failure(error.to_string())
    }
}

/// What a command reports when it ran: whether every input was valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Every input was valid: exit status 0.
    AllValid,
    /// At least one input was invalid: exit status 1.
    SomeInvalid,
}

impl Verdict {
    /// The verdict for a run in which `invalid` inputs were invalid.
    #[allow(dead_code)]
    pub fn from_invalid_count(invalid: usize) -> Self {
        if invalid == 0 {
            Verdict::AllValid
        } else {
            Verdict::SomeInvalid
        }
    }
}

/// The outcome of one subcommand.
pub type Outcome = Result<Verdict, Failure>;

/// Turns an outcome into the process exit status, printing a usage or I/O error as one line.
pub fn exit(outcome: Outcome) -> ExitCode {
    match outcome {
        Ok(Verdict::AllValid) => ExitCode::SUCCESS,
        Ok(Verdict::SomeInvalid) => ExitCode::from(1),
        Err(Failure(message)) => {
            let line = message.lines().next().unwrap_or("error");
            let _ = writeln!(io::stderr(), "civic: {line}");
            ExitCode::from(2)
        }
    }
}

/// How each line of standard input is read when no inputs are given as arguments.
#[allow(dead_code)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineFormat {
    /// Each line is one input, as typed.
    Plain,
    /// Each line is one JSON string, for inputs that can hold newlines (an SMS text).
    JsonString,
}

/// The inputs to a command: the arguments, or when there are none, one per line of stdin.
#[allow(dead_code)]
pub fn inputs(arguments: Vec<String>, format: LineFormat) -> Result<Vec<String>, Failure> {
    if !arguments.is_empty() {
        return Ok(arguments);
    }
    read_lines(io::stdin().lock(), format)
}

fn read_lines(reader: impl BufRead, format: LineFormat) -> Result<Vec<String>, Failure> {
    let mut inputs = Vec::new();
    for (index, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| Failure(format!("cannot read standard input: {e}")))?;
        match format {
            LineFormat::Plain => inputs.push(line),
            LineFormat::JsonString => {
                if line.trim().is_empty() {
                    continue;
                }
                let text: String = serde_json::from_str(&line).map_err(|e| {
                    Failure(format!(
                        "standard input line {}: expected a JSON string ({e})",
                        index + 1
                    ))
                })?;
                inputs.push(text);
            }
        }
    }
    Ok(inputs)
}

/// Reads a whole JSON document from a file, or from standard input when the path is `-`.
#[allow(dead_code)]
pub fn read_document(path: &str) -> Result<String, Failure> {
    if path == "-" {
        let mut text = String::new();
        io::Read::read_to_string(&mut io::stdin().lock(), &mut text)
            .map_err(|e| Failure(format!("cannot read standard input: {e}")))?;
        Ok(text)
    } else {
        std::fs::read_to_string(path).map_err(|e| Failure(format!("cannot read {path}: {e}")))
    }
}

/// Prints one JSON object as one line of standard output.
#[allow(dead_code)]
pub fn print_json_line(value: &impl serde::Serialize) -> Result<(), Failure> {
    let line = serde_json::to_string(value)?;
    writeln!(io::stdout().lock(), "{line}")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_lines_are_taken_as_typed() {
        let got = read_lines("SW1A 2AA\n  ec1a1bb \n".as_bytes(), LineFormat::Plain).unwrap();
        assert_eq!(got, ["SW1A 2AA", "  ec1a1bb "]);
    }

    #[test]
    fn json_lines_can_carry_newlines() {
        let got = read_lines(
            "\"line one\\nline two\"\n\n\"é\"\n".as_bytes(),
            LineFormat::JsonString,
        )
        .unwrap();
        assert_eq!(got, ["line one\nline two", "é"]);
    }

    #[test]
    fn a_bad_json_line_names_its_line() {
        let error =
            read_lines("\"ok\"\nnot json\n".as_bytes(), LineFormat::JsonString).unwrap_err();
        assert!(error.0.starts_with("standard input line 2:"), "{}", error.0);
    }

    #[test]
    fn verdict_counts_invalid_inputs() {
        assert_eq!(Verdict::from_invalid_count(0), Verdict::AllValid);
        assert_eq!(Verdict::from_invalid_count(3), Verdict::SomeInvalid);
    }
}

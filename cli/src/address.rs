//! `civic address`: validate postcodes, build an address index and search it.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;

use civic_address_lookup::import::{self, ImportError, ImportReport, OnError};
use civic_address_lookup::index::{AddressIndex, IndexInfo};
use civic_address_lookup::messages::{self, Language};
use civic_address_lookup::{Address, Postcode, generate};

use crate::input::{self, Failure, LineFormat, Outcome, Verdict};

/// The index file inside an `--index` folder.
const INDEX_FILE: &str = "addresses.civicidx";

/// The `civic address` subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check UK postcodes and print them normalised, with their kind.
    ///
    /// Accepts what people type: any case, spaces anywhere, stray punctuation, full-width
    /// characters. With no INPUT arguments, reads one postcode per line of standard input.
    /// Exit status 1 when any postcode is not a full UK postcode.
    Postcode(PostcodeArgs),
    /// Write an index of invented addresses for the fictional Sampleton council.
    ///
    /// UPRNs from 999000000001, postcodes in the unallocated ZY area; the index is marked as
    /// sample data and everything that shows it says so.
    Generate(GenerateArgs),
    /// Build an address index from AddressBase Plus or Premium CSV or OS Places JSON files.
    ///
    /// Every file is read before the index is written (to a temporary file, then renamed), so
    /// a failed import leaves any existing index as it was. A malformed row stops the import
    /// (exit status 2) unless --skip-bad-rows is given (then exit status 1 if any was skipped).
    Import(ImportArgs),
    /// List the addresses at postcodes, in natural order ("Flat 2" before "Flat 10").
    ///
    /// With no POSTCODE arguments, reads one postcode per line of standard input. Exit status
    /// 1 when any postcode is malformed or has no addresses.
    Lookup(LookupArgs),
    /// Search an index with free text, tolerating typos and abbreviations.
    ///
    /// With no QUERY arguments, reads one query per line of standard input. Exit status 1
    /// when any query finds nothing.
    Search(SearchArgs),
}

/// Arguments of `civic address postcode`.
#[derive(Debug, Args)]
pub struct PostcodeArgs {
    /// Postcodes as typed, for example 'sw1a2aa' or 'SW1A 2AA'.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Print one JSON object per input: {"input","valid","normalised","outward","inward","kind","error"}.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `civic address generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// How many addresses to invent, for example --addresses 5000.
    #[arg(long, value_name = "N")]
    pub addresses: usize,
    /// The index file to write, for example --out sampleton.civicidx.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Seed for the invented data: the same seed gives the same addresses, for example --seed 7.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// Input formats for `civic address import`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// AddressBase Plus CSV (77 columns).
    AddressbasePlus,
    /// AddressBase Premium CSV (record types 10-99), a full supply then change-only updates.
    AbpPremium,
    /// A saved OS Places API response (JSON).
    OsPlaces,
}

/// Arguments of `civic address import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The files' format, for example --format addressbase-plus.
    #[arg(long, value_enum)]
    pub format: FormatArg,
    /// Files to import, for example AddressBasePlus_FULL_2025-02-01_001.csv.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Folder to write the index into (as addresses.civicidx), for example --index ./address-index.
    #[arg(long, value_name = "DIR")]
    pub index: PathBuf,
    /// Skip malformed rows (each is listed) instead of stopping at the first, for example --skip-bad-rows.
    #[arg(long)]
    pub skip_bad_rows: bool,
}

/// Arguments of `civic address lookup`.
#[derive(Debug, Args)]
pub struct LookupArgs {
    /// Folder holding the index, for example --index ./address-index.
    #[arg(long, value_name = "DIR")]
    pub index: PathBuf,
    /// Postcodes, for example 'ZY1 0AB'.
    #[arg(value_name = "POSTCODE")]
    pub postcodes: Vec<String>,
    /// Print one JSON object per postcode: {"input","valid","normalised","sample_data","addresses","error"}.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `civic address search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Folder holding the index, for example --index ./address-index.
    #[arg(long, value_name = "DIR")]
    pub index: PathBuf,
    /// Free text, for example 'flat 2 acorn court acorn rd'.
    #[arg(value_name = "QUERY")]
    pub queries: Vec<String>,
    /// Most results per query, for example --limit 5.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Print one JSON object per query: {"query","sample_data","addresses"}.
    #[arg(long)]
    pub json: bool,
}

/// Runs one `civic address` subcommand.
pub fn run(command: Command) -> Outcome {
    match command {
        Command::Postcode(args) => postcode(args),
        Command::Generate(args) => generate(args),
        Command::Import(args) => import(args),
        Command::Lookup(args) => lookup(args),
        Command::Search(args) => search(args),
    }
}

fn print_line(line: &str) -> Result<(), Failure> {
    writeln!(std::io::stdout().lock(), "{line}")?;
    Ok(())
}

#[derive(Serialize)]
struct PostcodeReport<'a> {
    input: &'a str,
    valid: bool,
    normalised: Option<String>,
    outward: Option<String>,
    inward: Option<String>,
    kind: Option<&'static str>,
    error: Option<String>,
}

fn postcode_report<'a>(
    text: &'a str,
    parsed: &Result<Postcode, civic_address_lookup::PostcodeError>,
) -> PostcodeReport<'a> {
    match parsed {
        Ok(p) => PostcodeReport {
            input: text,
            valid: true,
            normalised: Some(p.to_string()),
            outward: Some(p.outward().to_owned()),
            inward: Some(p.inward().to_owned()),
            kind: Some(p.kind().as_str()),
            error: None,
        },
        Err(error) => PostcodeReport {
            input: text,
            valid: false,
            normalised: None,
            outward: None,
            inward: None,
            kind: None,
            error: Some(error.to_string()),
        },
    }
}

fn postcode(args: PostcodeArgs) -> Outcome {
    let inputs = input::inputs(args.inputs, LineFormat::Plain)?;
    let mut invalid = 0;
    for text in &inputs {
        let parsed = Postcode::parse(text);
        if parsed.is_err() {
            invalid += 1;
        }
        if args.json {
            input::print_json_line(&postcode_report(text, &parsed))?;
        } else {
            match parsed {
                Ok(p) => print_line(&format!("{text}: {p} ({})", p.kind().as_str()))?,
                Err(error) => {
                    let mut line = format!("{text}: invalid: {error}");
                    if let Some(suggestion) = Postcode::suggest(text) {
                        line.push_str(&format!(
                            " ({})",
                            messages::did_you_mean(Language::English, suggestion.as_str())
                        ));
                    }
                    print_line(&line)?;
                }
            }
        }
    }
    Ok(Verdict::from_invalid_count(invalid))
}

fn generate(args: GenerateArgs) -> Outcome {
    let addresses = generate::sample_gazetteer(args.addresses, args.seed);
    let index = AddressIndex::build(addresses, generate::info());
    index.save(&args.out)?;
    print_line(&format!(
        "wrote {} addresses to {} ({})",
        index.len(),
        args.out.display(),
        messages::sample_data_notice(Language::English)
    ))?;
    Ok(Verdict::AllValid)
}

fn import(args: ImportArgs) -> Outcome {
    let on_error = if args.skip_bad_rows {
        OnError::Skip
    } else {
        OnError::Stop
    };
    let all = match args.format {
        FormatArg::AbpPremium => import_premium(&args.files, on_error)?,
        FormatArg::AddressbasePlus | FormatArg::OsPlaces => {
            let mut all = ImportReport::default();
            for file in &args.files {
                let report = if args.format == FormatArg::OsPlaces {
                    import::os_places::import(file, on_error)
                } else {
                    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
                    let bar = import::progress::bar(size, &file.display().to_string());
                    let report = import::addressbase_plus::import(file, on_error, &mut |bytes| {
                        bar.set_position(bytes)
                    });
                    bar.finish_and_clear();
                    report
                }
                .map_err(|error: ImportError| Failure(error.to_string()))?;
                all.addresses.extend(report.addresses);
                all.skipped.extend(report.skipped);
            }
            all
        }
    };
    for skipped in &all.skipped {
        print_line(&format!("skipped {skipped}"))?;
    }
    std::fs::create_dir_all(&args.index)
        .map_err(|e| Failure(format!("cannot create {}: {e}", args.index.display())))?;
    let format = match args.format {
        FormatArg::AddressbasePlus => "AddressBase Plus",
        FormatArg::AbpPremium => "AddressBase Premium",
        FormatArg::OsPlaces => "OS Places",
    };
    let read = all.addresses.len();
    let index = AddressIndex::build(all.addresses, IndexInfo::new(format, false));
    let path = args.index.join(INDEX_FILE);
    index.save(&path)?;
    print_line(&format!(
        "imported {read} addresses ({} distinct UPRNs) into {}; skipped {} rows",
        index.len(),
        path.display(),
        all.skipped.len()
    ))?;
    Ok(Verdict::from_invalid_count(all.skipped.len()))
}

/// AddressBase Premium rows join across files and later files change earlier ones, so every
/// file is read before any address is made; one progress bar a file.
fn import_premium(files: &[PathBuf], on_error: OnError) -> Result<ImportReport, Failure> {
    let bar_for = |file: &Path| {
        let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
        (
            file.to_owned(),
            import::progress::bar(size, &file.display().to_string()),
        )
    };
    let mut bar = files.first().map(|file| bar_for(file));
    let report = import::addressbase_premium::import(files, on_error, &mut |file, bytes| {
        if let Some((current, done)) = &bar
            && current != file
        {
            done.finish_and_clear();
            bar = Some(bar_for(file));
        }
        if let Some((_, bar)) = &bar {
            bar.set_position(bytes);
        }
    });
    if let Some((_, bar)) = bar {
        bar.finish_and_clear();
    }
    report.map_err(|error| Failure(error.to_string()))
}

fn open(dir: &Path) -> Result<AddressIndex, Failure> {
    let index = AddressIndex::open(dir.join(INDEX_FILE))?;
    if index.info().sample_data {
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            messages::sample_data_notice(Language::English)
        );
    }
    Ok(index)
}

#[derive(Serialize)]
struct AddressLine {
    uprn: u64,
    single_line: String,
    lines: Vec<String>,
}

fn address_line(address: &Address) -> AddressLine {
    AddressLine {
        uprn: address.uprn.get(),
        single_line: address.single_line(),
        lines: address.lines(),
    }
}

#[derive(Serialize)]
struct LookupReport<'a> {
    input: &'a str,
    valid: bool,
    normalised: Option<String>,
    sample_data: bool,
    addresses: Vec<AddressLine>,
    error: Option<String>,
}

fn lookup(args: LookupArgs) -> Outcome {
    let index = open(&args.index)?;
    let sample_data = index.info().sample_data;
    let inputs = input::inputs(args.postcodes, LineFormat::Plain)?;
    let mut invalid = 0;
    for text in &inputs {
        let (normalised, addresses, error) = match Postcode::parse(text) {
            Ok(postcode) => {
                let found: Vec<AddressLine> = index
                    .find_by_postcode(&postcode)
                    .map(|a| address_line(&a.to_address()))
                    .collect();
                let error = found
                    .is_empty()
                    .then(|| messages::no_addresses_found(Language::English, postcode.as_str()));
                (Some(postcode.to_string()), found, error)
            }
            Err(error) => (None, Vec::new(), Some(error.to_string())),
        };
        if error.is_some() {
            invalid += 1;
        }
        if args.json {
            input::print_json_line(&LookupReport {
                input: text,
                valid: normalised.is_some(),
                normalised,
                sample_data,
                addresses,
                error,
            })?;
        } else {
            if let Some(error) = error {
                print_line(&format!("{text}: {error}"))?;
            }
            for address in addresses {
                print_line(&format!("{}\t{}", address.uprn, address.single_line))?;
            }
        }
    }
    Ok(Verdict::from_invalid_count(invalid))
}

#[derive(Serialize)]
struct SearchReport<'a> {
    query: &'a str,
    sample_data: bool,
    addresses: Vec<AddressLine>,
}

fn search(args: SearchArgs) -> Outcome {
    let index = open(&args.index)?;
    let sample_data = index.info().sample_data;
    let queries = input::inputs(args.queries, LineFormat::Plain)?;
    let mut invalid = 0;
    for query in &queries {
        let addresses: Vec<AddressLine> = index
            .search(query, args.limit)
            .into_iter()
            .map(|hit| address_line(&hit.address.to_address()))
            .collect();
        if addresses.is_empty() {
            invalid += 1;
        }
        if args.json {
            input::print_json_line(&SearchReport {
                query,
                sample_data,
                addresses,
            })?;
        } else {
            if addresses.is_empty() {
                print_line(&format!("{query}: no addresses found"))?;
            }
            for address in addresses {
                print_line(&format!("{}\t{}", address.uprn, address.single_line))?;
            }
        }
    }
    Ok(Verdict::from_invalid_count(invalid))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> String {
        serde_json::to_string(&postcode_report(text, &Postcode::parse(text))).unwrap()
    }

    #[test]
    fn postcode_json_has_exactly_the_documented_fields() {
        assert_eq!(
            json("sw1a2aa"),
            r#"{"input":"sw1a2aa","valid":true,"normalised":"SW1A 2AA","outward":"SW1A","inward":"2AA","kind":"geographic","error":null}"#
        );
        assert_eq!(
            json("N5"),
            r#"{"input":"N5","valid":false,"normalised":null,"outward":null,"inward":null,"kind":null,"error":"a full postcode has 5 to 7 letters and numbers, not 2"}"#
        );
    }

    #[test]
    fn abp_premium_import_applies_updates_and_a_malformed_row_leaves_no_index() {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../address-lookup/tests/fixtures/abp-premium");
        let dir = std::env::temp_dir().join(format!("civic-abp-{}", std::process::id()));
        let args = |files: &[&str], index: &str| ImportArgs {
            format: FormatArg::AbpPremium,
            files: files.iter().map(|f| fixtures.join(f)).collect(),
            index: dir.join(index),
            skip_bad_rows: false,
        };
        assert!(matches!(
            import(args(&["full.csv", "cou.csv"], "good")),
            Ok(Verdict::AllValid)
        ));
        let index = open(&dir.join("good")).unwrap();
        assert_eq!(index.len(), 4);
        assert!(!index.info().sample_data);
        assert!(import(args(&["full.csv", "malformed.csv"], "bad")).is_err());
        assert!(!dir.join("bad").join(INDEX_FILE).exists());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn generate_then_lookup_and_search_through_the_index_folder() {
        let dir = std::env::temp_dir().join(format!("civic-address-cli-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let outcome = generate(GenerateArgs {
            addresses: 200,
            out: dir.join(INDEX_FILE),
            seed: 3,
        });
        assert!(matches!(outcome, Ok(Verdict::AllValid)));
        let index = open(&dir).unwrap();
        assert!(index.info().sample_data);
        assert_eq!(index.len(), 200);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

//! `civic notify`: count text messages and check phone numbers and email addresses the way
//! GOV.UK Notify does, preview and send templated messages.

use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;

use civic_notify::{
    Allow, Branding, BulkError, BulkOptions, EmailAddress, InternationalLetters, Language,
    Personalisation, PhoneNumber, PostalAddress, SmsMessage, SmsPolicy, Template, TemplateError,
    TemplateKind, check_csv,
};

use crate::input::{self, LineFormat, Outcome, Verdict};

mod send;
pub use send::SendArgs;

/// The `civic notify` subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Count text messages as GOV.UK Notify does: encoding, length, fragments, what changed.
    ///
    /// With no TEXT arguments, reads one JSON string per line of standard input (so a message
    /// can hold newlines). Placeholders without values count as empty. Exit status 1 when any
    /// message is over the 918-character limit.
    SmsInfo(SmsInfoArgs),
    /// Check phone numbers as GOV.UK Notify does and print them normalised (E.164 digits).
    ///
    /// With no NUMBER arguments, reads one number per line of standard input. Exit status 1
    /// when any number cannot be texted with the permissions given.
    CheckPhone(CheckPhoneArgs),
    /// Check email addresses as GOV.UK Notify does.
    ///
    /// With no ADDRESS arguments, reads one address per line of standard input. Exit status 1
    /// when any address is refused.
    CheckEmail(CheckEmailArgs),
    /// Show a template as the resident will see it, with its placeholders filled.
    ///
    /// TEMPLATE_FILE is a TOML template (kind = "email" | "sms" | "letter", an [en] table and
    /// optionally a [cy] table, each with body and, for email and letters, subject). Exit
    /// status 1 when a value is missing or the message is refused (too long, empty).
    Preview(PreviewArgs),
    /// Check a CSV file for a bulk send as GOV.UK Notify's upload does, before anything is queued.
    ///
    /// The file needs a recipient column ("email address" or "phone number") and a column per
    /// placeholder. Every bad row is reported with its row number (the header is row 1) and
    /// reason. Exit status 1 when any row, or the file, has a problem.
    Bulk(BulkArgs),
    /// Send one message from a template through the transport the environment configures.
    ///
    /// CIVIC_SMTP_HOST (with CIVIC_SMTP_PORT, CIVIC_SMTP_SECURITY=starttls|tls|none,
    /// CIVIC_SMTP_USER, CIVIC_SMTP_PASSWORD), CIVIC_NOTIFY_API_KEY (with
    /// CIVIC_NOTIFY_EMAIL_TEMPLATE_ID and CIVIC_NOTIFY_SMS_TEMPLATE_ID) or CIVIC_NOTIFY_FILE_DIR.
    /// Prints the transport's reference. Exit status 1 when the recipient or the message is
    /// refused, 2 when nothing is configured or the transport fails.
    Send(SendArgs),
}

/// Arguments of `civic notify bulk`.
#[derive(Debug, Args)]
pub struct BulkArgs {
    /// The CSV file, for example reminders.csv.
    #[arg(value_name = "CSV")]
    pub csv: String,
    /// The template file, for example --template templates/reminder.toml.
    #[arg(long, value_name = "FILE")]
    pub template: String,
    /// Which language version to send, for example --lang cy.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LanguageArg,
    /// Also allow these kinds of number, for example --allow landline,international.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub allow: Vec<AllowArg>,
    /// Print one JSON object per problem: {"row","reason"}.
    #[arg(long)]
    pub json: bool,
}

/// How `civic notify preview` prints an email or letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// The subject and the plain-text version.
    Text,
    /// The HTML document (emails) or HTML body (letters).
    Html,
    /// A printable A4 PDF (letters only), written to --out FILE: the address from the values
    /// address_line_1 to address_line_7 (and postcode), as Notify's letter API takes them.
    Pdf,
}

/// The language of the version to preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LanguageArg {
    /// English.
    En,
    /// Welsh (Cymraeg); falls back to English when the template has no Welsh version.
    Cy,
}

/// Arguments of `civic notify preview`.
#[derive(Debug, Args)]
pub struct PreviewArgs {
    /// The template file, for example templates/bulky-waste-reminder.toml.
    #[arg(value_name = "TEMPLATE_FILE")]
    pub template: String,
    /// A placeholder value, repeatable, for example --personalisation 'first name=Sam'.
    #[arg(long, value_name = "KEY=VALUE")]
    pub personalisation: Vec<String>,
    /// Print the plain text or the HTML, or write a letter's PDF, for example --format html.
    #[arg(long, value_enum, default_value = "text")]
    pub format: FormatArg,
    /// Which language version to show, for example --lang cy.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LanguageArg,
    /// The sender name put before a text message, for example --prefix 'Powys Council'.
    #[arg(long, value_name = "NAME")]
    pub prefix: Option<String>,
    /// The council name shown in an email's banner or at the top of a letter, for example
    /// --brand-name 'Powys County Council'.
    #[arg(long, value_name = "NAME", default_value = "Council")]
    pub brand_name: String,
    /// The banner colour of an email, for example --brand-colour '#1D4F2A'.
    #[arg(long, value_name = "COLOUR", default_value = "#0B0C0C")]
    pub brand_colour: String,
    /// Where --format pdf writes the letter, for example --out letter.pdf.
    #[arg(long, value_name = "FILE")]
    pub out: Option<String>,
    /// The date printed on a letter (--format pdf), for example --date '29 November 2026'.
    #[arg(long, value_name = "TEXT")]
    pub date: Option<String>,
}

/// How characters outside the GSM alphabet are handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PolicyArg {
    /// Replace them (é → e, emoji → ?), keeping Welsh letters: Notify's long-standing behaviour.
    Gsm,
    /// Keep them; the message goes as UCS-2 (70 characters a fragment): Notify's newer behaviour.
    Unicode,
}

/// Arguments of `civic notify sms-info`.
#[derive(Debug, Args)]
pub struct SmsInfoArgs {
    /// Message texts, for example 'Your bin is due on Monday'.
    #[arg(value_name = "TEXT")]
    pub texts: Vec<String>,
    /// Print one JSON object per message: {"encoding","characters","fragments","too_long","changed"}.
    #[arg(long)]
    pub json: bool,
    /// What to do with characters outside GSM, for example --policy unicode.
    #[arg(long, value_enum, default_value = "gsm")]
    pub policy: PolicyArg,
    /// The sender name Notify puts before each message, counted in its length, for example --prefix 'Powys Council'.
    #[arg(long, value_name = "NAME")]
    pub prefix: Option<String>,
}

/// Service permissions beyond UK mobiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AllowArg {
    /// UK landlines may be texted.
    Landline,
    /// Numbers outside the UK may be texted.
    International,
}

/// Arguments of `civic notify check-phone`.
#[derive(Debug, Args)]
pub struct CheckPhoneArgs {
    /// Phone numbers as typed, for example '07700 900123' or '+44 7700 900123'.
    #[arg(value_name = "NUMBER")]
    pub numbers: Vec<String>,
    /// Print one JSON object per number: {"input","valid","normalised","international","error"}.
    #[arg(long)]
    pub json: bool,
    /// Also allow these kinds of number, for example --allow landline,international.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub allow: Vec<AllowArg>,
}

/// Arguments of `civic notify check-email`.
#[derive(Debug, Args)]
pub struct CheckEmailArgs {
    /// Email addresses as typed, for example 'resident@example.gov.uk'.
    #[arg(value_name = "ADDRESS")]
    pub addresses: Vec<String>,
    /// Print one JSON object per address: {"input","valid","normalised","error"}.
    #[arg(long)]
    pub json: bool,
}

/// Runs one `civic notify` subcommand.
pub fn run(command: Command) -> Outcome {
    match command {
        Command::SmsInfo(args) => sms_info(args),
        Command::CheckPhone(args) => check_phone(args),
        Command::CheckEmail(args) => check_email(args),
        Command::Preview(args) => preview(args),
        Command::Send(args) => send::send(args),
        Command::Bulk(args) => bulk(args),
    }
}

#[derive(Serialize)]
struct Change {
    from: String,
    to: String,
}

#[derive(Serialize)]
struct SmsReport {
    encoding: &'static str,
    characters: usize,
    fragments: usize,
    too_long: bool,
    changed: Vec<Change>,
}

fn sms_report(text: &str, policy: SmsPolicy, prefix: Option<&str>) -> SmsReport {
    let message = SmsMessage::new(text, prefix, policy);
    SmsReport {
        encoding: message.encoding().name(),
        characters: message.characters(),
        fragments: message.fragments(),
        too_long: message.is_too_long(),
        changed: message
            .changes()
            .iter()
            .map(|change| Change {
                from: change.from.to_string(),
                to: change.to.clone(),
            })
            .collect(),
    }
}

fn sms_info(args: SmsInfoArgs) -> Outcome {
    let texts = input::inputs(args.texts, LineFormat::JsonString)?;
    let policy = match args.policy {
        PolicyArg::Gsm => SmsPolicy::Gsm,
        PolicyArg::Unicode => SmsPolicy::Unicode,
    };
    let mut invalid = 0;
    for text in &texts {
        let report = sms_report(text, policy, args.prefix.as_deref());
        if report.too_long {
            invalid += 1;
        }
        if args.json {
            input::print_json_line(&report)?;
        } else {
            let plural = if report.fragments == 1 { "" } else { "s" };
            let mut line = format!(
                "{}, {} characters, {} fragment{plural}",
                report.encoding, report.characters, report.fragments
            );
            if report.too_long {
                line.push_str(", too long (limit 918 characters)");
            }
            if !report.changed.is_empty() {
                let changes: Vec<String> = report
                    .changed
                    .iter()
                    .map(|c| format!("{:?} → {:?}", c.from, c.to))
                    .collect();
                line.push_str(&format!(", changed {}", changes.join(", ")));
            }
            print_line(&line)?;
        }
    }
    Ok(Verdict::from_invalid_count(invalid))
}

#[derive(Serialize)]
struct PhoneReport<'a> {
    input: &'a str,
    valid: bool,
    normalised: Option<String>,
    international: Option<bool>,
    error: Option<String>,
}

fn check_phone(args: CheckPhoneArgs) -> Outcome {
    let numbers = input::inputs(args.numbers, LineFormat::Plain)?;
    let allow = allow_from(&args.allow);
    let mut invalid = 0;
    for number in &numbers {
        let report = match PhoneNumber::parse(number, allow) {
            Ok(phone) => PhoneReport {
                input: number,
                valid: true,
                normalised: Some(phone.as_str().to_owned()),
                international: Some(phone.international_info().international),
                error: None,
            },
            Err(error) => {
                invalid += 1;
                PhoneReport {
                    input: number,
                    valid: false,
                    normalised: None,
                    international: None,
                    error: Some(error.to_string()),
                }
            }
        };
        if args.json {
            input::print_json_line(&report)?;
        } else {
            match (&report.normalised, &report.error) {
                (Some(normalised), _) => print_line(&format!("{number}: {normalised}"))?,
                (_, Some(error)) => print_line(&format!("{number}: invalid: {error}"))?,
                _ => {}
            }
        }
    }
    Ok(Verdict::from_invalid_count(invalid))
}

#[derive(Serialize)]
struct EmailReport<'a> {
    input: &'a str,
    valid: bool,
    normalised: Option<String>,
    error: Option<String>,
}

fn check_email(args: CheckEmailArgs) -> Outcome {
    let addresses = input::inputs(args.addresses, LineFormat::Plain)?;
    let mut invalid = 0;
    for address in &addresses {
        let report = match EmailAddress::parse(address) {
            Ok(email) => EmailReport {
                input: address,
                valid: true,
                normalised: Some(email.normalised()),
                error: None,
            },
            Err(error) => {
                invalid += 1;
                EmailReport {
                    input: address,
                    valid: false,
                    normalised: None,
                    error: Some(error.to_string()),
                }
            }
        };
        if args.json {
            input::print_json_line(&report)?;
        } else {
            match (&report.normalised, &report.error) {
                (Some(normalised), _) => print_line(&format!("{address}: {normalised}"))?,
                (_, Some(error)) => print_line(&format!("{address}: invalid: {error}"))?,
                _ => {}
            }
        }
    }
    Ok(Verdict::from_invalid_count(invalid))
}

fn personalisation(pairs: &[String]) -> Result<Personalisation, input::Failure> {
    let mut values = Personalisation::new();
    for pair in pairs {
        let (key, value) = pair.split_once('=').ok_or_else(|| {
            input::Failure(format!("--personalisation {pair:?}: expected KEY=VALUE"))
        })?;
        values.insert(key, value);
    }
    Ok(values)
}

fn preview(args: PreviewArgs) -> Outcome {
    let template = Template::load(std::path::Path::new(&args.template))
        .map_err(|e| input::Failure(e.to_string()))?;
    let values = personalisation(&args.personalisation)?;
    let language = match args.lang {
        LanguageArg::En => Language::English,
        LanguageArg::Cy => Language::Welsh,
    };
    let refused = |error: TemplateError| -> Outcome {
        print_line(&format!("refused: {error}"))?;
        Ok(Verdict::SomeInvalid)
    };
    if args.format == FormatArg::Pdf && template.kind != TemplateKind::Letter {
        return Err(input::Failure(
            "--format pdf is for letter templates".to_owned(),
        ));
    }
    match template.kind {
        TemplateKind::Sms => {
            match template.render_sms(language, &values, args.prefix.as_deref(), SmsPolicy::Gsm) {
                Ok(message) => {
                    print_line(message.text())?;
                    let plural = if message.fragments() == 1 { "" } else { "s" };
                    print_line(&format!(
                        "({}, {} characters, {} fragment{plural})",
                        message.encoding().name(),
                        message.characters(),
                        message.fragments()
                    ))?;
                }
                Err(error) => return refused(error),
            }
        }
        TemplateKind::Letter if args.format == FormatArg::Pdf => {
            return letter_pdf(&args, &template, language, &values);
        }
        TemplateKind::Letter => match template.render_letter(language, &values) {
            Ok((heading, body)) => {
                print_line(&heading)?;
                print_line(&body)?;
            }
            Err(error) => return refused(error),
        },
        _ => {
            let branding = Branding::new(&args.brand_name, &args.brand_colour);
            match template.render_email(language, &values, &branding) {
                Ok(email) => match args.format {
                    // A PDF of an email was refused above.
                    FormatArg::Text | FormatArg::Pdf => {
                        print_line(&format!("Subject: {}\n", email.subject))?;
                        print_line(email.plain_text.trim_end())?;
                    }
                    FormatArg::Html => print_line(email.html.trim_end())?,
                },
                Err(error) => return refused(error),
            }
        }
    }
    Ok(Verdict::AllValid)
}

fn letter_pdf(
    args: &PreviewArgs,
    template: &Template,
    language: Language,
    values: &Personalisation,
) -> Outcome {
    let (Some(out), Some(date)) = (&args.out, &args.date) else {
        return Err(input::Failure(
            "--format pdf needs --out FILE and --date TEXT".to_owned(),
        ));
    };
    // The address from Notify's letter keys (address_line_1 to 7, or postcode last), checked
    // as Notify checks it before anything is drawn.
    let address =
        match PostalAddress::from_personalisation(values, InternationalLetters::NotAllowed) {
            Ok(address) => address,
            Err(error) => {
                print_line(&format!("refused: {error}"))?;
                return Ok(Verdict::SomeInvalid);
            }
        };
    let branding = Branding::new(&args.brand_name, &args.brand_colour);
    match template.render_letter_pdf(language, values, &address, date, &branding) {
        Ok(letter) => {
            std::fs::write(out, &letter.bytes)
                .map_err(|e| input::Failure(format!("{out}: {e}")))?;
            let plural = if letter.pages == 1 { "" } else { "s" };
            print_line(&format!("{out}: {} page{plural}", letter.pages))?;
            Ok(Verdict::AllValid)
        }
        Err(error) => {
            print_line(&format!("refused: {error}"))?;
            Ok(Verdict::SomeInvalid)
        }
    }
}

fn allow_from(extras: &[AllowArg]) -> Allow {
    let mut allow = Allow::UK_MOBILE;
    for extra in extras {
        allow = match extra {
            AllowArg::Landline => allow.with_uk_landline(),
            AllowArg::International => allow.with_international(),
        };
    }
    allow
}

#[derive(Serialize)]
struct Problem<'a> {
    row: usize,
    reason: &'a str,
}

fn bulk(args: BulkArgs) -> Outcome {
    let template = Template::load(std::path::Path::new(&args.template))
        .map_err(|e| input::Failure(e.to_string()))?;
    let csv = input::read_document(&args.csv)?;
    let mut options = BulkOptions::new(Branding::new("Council", "#0B0C0C"));
    options.language = match args.lang {
        LanguageArg::En => Language::English,
        LanguageArg::Cy => Language::Welsh,
    };
    options.allow = allow_from(&args.allow);
    match check_csv(&csv, &template, &options) {
        Ok(messages) => {
            if !args.json {
                print_line(&format!("{} messages ready to send", messages.len()))?;
            }
            Ok(Verdict::AllValid)
        }
        Err(BulkError::Rows(problems)) => {
            for problem in &problems {
                if args.json {
                    input::print_json_line(&Problem {
                        row: problem.row,
                        reason: &problem.reason,
                    })?;
                } else {
                    print_line(&format!("row {}: {}", problem.row, problem.reason))?;
                }
            }
            Ok(Verdict::SomeInvalid)
        }
        Err(error) => {
            print_line(&format!("file: {error}"))?;
            Ok(Verdict::SomeInvalid)
        }
    }
}

fn print_line(line: &str) -> Result<(), input::Failure> {
    use std::io::Write;
    writeln!(std::io::stdout().lock(), "{line}")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_preview_writes_a_pdf() {
        let folder = std::env::temp_dir().join(format!("civic-letter-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let template = folder.join("letter.toml");
        std::fs::write(
            &template,
            "kind = \"letter\"\n[en]\nsubject = \"Your collection\"\nbody = \"Dear ((name)),\\n\\nWe collect on Monday.\"\n",
        )
        .unwrap();
        let out = folder.join("letter.pdf");
        let args = |values: &[&str], out: Option<&std::path::Path>| PreviewArgs {
            template: template.display().to_string(),
            personalisation: values.iter().map(|v| (*v).to_owned()).collect(),
            format: FormatArg::Pdf,
            lang: LanguageArg::En,
            prefix: None,
            brand_name: "Powys County Council".to_owned(),
            brand_colour: "#0B0C0C".to_owned(),
            out: out.map(|path| path.display().to_string()),
            date: Some("29 November 2026".to_owned()),
        };
        let address = [
            "name=Sam",
            "address_line_1=Sam Jones",
            "address_line_2=1 High Street",
            "postcode=LD1 5LG",
        ];
        assert_eq!(
            preview(args(&address, Some(&out))).unwrap(),
            Verdict::AllValid
        );
        assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
        // Two address lines are too few: refused, exit status 1.
        assert_eq!(
            preview(args(&address[..3], Some(&out))).unwrap(),
            Verdict::SomeInvalid
        );
        // No --out: a usage error.
        assert!(preview(args(&address, None)).is_err());
        std::fs::remove_dir_all(&folder).unwrap();
    }

    #[test]
    fn sms_report_has_the_documented_fields() {
        let report = sms_report("“Hi” 🚮", SmsPolicy::Gsm, Some("Powys"));
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["encoding"], "GSM-7");
        assert_eq!(json["characters"], 13);
        assert_eq!(json["fragments"], 1);
        assert_eq!(json["too_long"], false);
        assert_eq!(json["changed"][0]["from"], "“");
        assert_eq!(json["changed"][0]["to"], "\"");
    }

    #[test]
    fn personalisation_pairs_split_on_the_first_equals() {
        let values = personalisation(&["first name=Sam".to_owned(), "sum=1=1".to_owned()]).unwrap();
        assert_eq!(values.get("first_name").unwrap().to_string(), "Sam");
        assert_eq!(values.get("sum").unwrap().to_string(), "1=1");
        assert!(personalisation(&["novalue".to_owned()]).is_err());
    }

    #[test]
    fn unicode_policy_keeps_emoji() {
        let report = sms_report("Bins 🚮", SmsPolicy::Unicode, None);
        assert_eq!(report.encoding, "UCS-2");
        assert!(report.changed.is_empty());
    }
}

//! Emails: a subject and markdown body rendered as GOV.UK Notify renders them, into an HTML
//! part in the council's brand, a plain-text part and a hidden preheader.

use std::sync::OnceLock;

use fancy_regex::Regex;

use crate::field::{self, Field, FieldOptions};
use crate::formatters::{escape_html, normalise_whitespace, strip};
use crate::language::Language;
use crate::markdown::{self, Flavour};
use crate::notify_body;
use crate::personalisation::Personalisation;
use crate::typography::nice_typography;

/// The largest email body Notify sends, in bytes of the filled-in text.
pub const EMAIL_SIZE_LIMIT_BYTES: usize = 2_000_000;

/// How long the hidden preheader is, in characters.
const PREHEADER_LENGTH: usize = 256;

/// The council's brand on its emails: a colour for the banner and an optional logo. Notify's
/// crown and GOV.UK banner are never shown: councils are not central government.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Branding {
    /// The council's name, shown in the banner (and as the logo's text alternative).
    pub name: String,
    /// The banner colour as a CSS hex colour, for example `#005EA5`.
    pub colour: String,
    /// An absolute URL of the logo image, if the council has one.
    pub logo_url: Option<String>,
}

impl Branding {
    /// A brand with a name and a banner colour (`#RRGGBB`; anything else falls back to black
    /// so that a typing mistake cannot break the email's HTML).
    pub fn new(name: &str, colour: &str) -> Branding {
        let valid = colour.len() == 7
            && colour.starts_with('#')
            && colour[1..].chars().all(|c| c.is_ascii_hexdigit());
        Branding {
            name: name.to_owned(),
            colour: if valid {
                colour.to_owned()
            } else {
                "#0B0C0C".to_owned()
            },
            logo_url: None,
        }
    }

    /// The same brand with a logo.
    pub fn with_logo(mut self, url: &str) -> Branding {
        self.logo_url = Some(url.to_owned());
        self
    }
}

/// An email ready to send: the three parts Notify produces from one template.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EmailMessage {
    /// The subject line, on one line.
    pub subject: String,
    /// The complete HTML document (multipart/alternative's `text/html` part).
    pub html: String,
    /// The `text/plain` part.
    pub plain_text: String,
    /// The preheader: the start of the message that email clients show beside the subject.
    pub preheader: String,
    /// The size Notify's limit is measured on: bytes of the filled-in body.
    pub size_in_bytes: usize,
    /// The body as markdown for GOV.UK Notify's pass-through template, each plain-text value
    /// escaped so Notify's markdown shows it as typed (empty in messages queued before this
    /// field existed).
    #[serde(default)]
    pub notify_markdown: String,
}

fn unlink_govuk(text: &str) -> String {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    let pattern = PATTERN.get_or_init(|| {
        Regex::new(r"(?i)(^|\s)(#|\*|\^)?(GOV)\.(UK)(?!\/|\?|#)").expect("GOV.UK pattern compiles")
    });
    // A zero-width space stops email clients turning "GOV.UK" into a link.
    pattern
        .replace_all(text, "${1}${2}${3}.\u{200B}${4}")
        .into_owned()
}

/// Notify's `strip_unsupported_characters`: line separators and the Hangul filler, which
/// some clients show as boxes.
fn strip_unsupported_characters(text: &str) -> String {
    text.replace(['\u{2028}', '\u{3164}'], "")
}

/// The body ready for markdown: placeholders filled, each plain-text value as a token (see
/// `literal`), and the values those tokens stand for.
pub(crate) fn prepare(
    content: &str,
    values: &Personalisation,
    escape: bool,
) -> (String, Vec<String>) {
    let options = FieldOptions {
        escape,
        html_placeholders: true,
        markdown_lists: true,
        redact_missing: false,
    };
    let (filled, literals) = field::render_literal(content, values, options);
    let text = unlink_govuk(&filled);
    let mut text = strip_unsupported_characters(&text);
    text.push('\n');
    let literals = literals
        .iter()
        .map(|value| strip_unsupported_characters(&unlink_govuk(value)))
        .collect();
    (text, literals)
}

/// The subject as Notify writes it: placeholders filled, typography, one line.
pub(crate) fn subject(subject: &str, values: &Personalisation) -> String {
    let filled = Field::new(subject).without_escaping().render(values);
    let typeset = nice_typography(&filled);
    normalise_whitespace(&typeset)
}

/// The `text/plain` part, as Notify's `PlainTextEmailTemplate` writes it.
pub(crate) fn plain_text_body(
    content: &str,
    values: &Personalisation,
    unsubscribe_link: Option<&str>,
) -> String {
    let content = match unsubscribe_link {
        Some(link) => format!("{content}\n\n---\n\n[Unsubscribe from these emails]({link})"),
        None => content.to_owned(),
    };
    let (text, literals) = prepare(&content, values, false);
    let text = markdown::render_with_literals(&text, Flavour::PlainText, &literals);
    let text = nice_typography(&text);
    let text = html_escape::decode_html_entities(&text);
    format!("{}\n", text.trim_start())
}

/// The HTML body fragment, as Notify's `HTMLEmailTemplate` writes it before its layout.
pub(crate) fn html_body(content: &str, values: &Personalisation) -> String {
    let (text, literals) = prepare(content, values, true);
    nice_typography(&markdown::render_with_literals(
        &text,
        Flavour::EmailHtml,
        &literals,
    ))
}

/// The preheader: the first 256 characters of the message as plain words.
pub(crate) fn preheader(content: &str, values: &Personalisation) -> String {
    let (text, literals) = prepare(content, values, true);
    let text = nice_typography(&markdown::render_with_literals(
        &text,
        Flavour::Preheader,
        &literals,
    ));
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = words.chars().take(PREHEADER_LENGTH).collect();
    strip(&cut).to_owned()
}

/// The whole HTML document: a hidden preheader, the council's banner, the body.
fn html_document(
    subject: &str,
    body: &str,
    preheader: &str,
    branding: &Branding,
    language: Language,
) -> String {
    let name = escape_html(&branding.name);
    let logo = match &branding.logo_url {
        Some(url) => format!(
            "<img src=\"{}\" alt=\"{name}\" height=\"32\" style=\"display: block; border: 0; height: 32px;\">",
            escape_html(url).replace('"', "&quot;")
        ),
        None => format!(
            "<span style=\"font-family: Helvetica, Arial, sans-serif; font-size: 24px; line-height: 32px; font-weight: bold; color: #FFFFFF;\">{name}</span>"
        ),
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title}</title>\n</head>\n\
<body style=\"font-family: Helvetica, Arial, sans-serif; font-size: 16px; margin: 0; color: #0B0C0C;\">\n\
<span style=\"display: none; font-size: 1px; color: #FFFFFF; line-height: 1px; max-height: 0; max-width: 0; opacity: 0; overflow: hidden;\">{preheader}</span>\n\
<table role=\"presentation\" width=\"100%\" style=\"border-collapse: collapse; min-width: 100%; width: 100% !important;\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\">\n\
<tr><td width=\"100%\" height=\"53\" bgcolor=\"{colour}\" style=\"padding: 10px 15px;\">{logo}</td></tr>\n\
</table>\n\
<table role=\"presentation\" class=\"content\" align=\"center\" style=\"border-collapse: collapse; max-width: 580px; width: 100% !important;\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\">\n\
<tr><td style=\"font-family: Helvetica, Arial, sans-serif; font-size: 19px; line-height: 1.315789474; max-width: 560px; padding: 30px 10px;\">\n\
{body}\n</td></tr>\n</table>\n</body>\n</html>\n",
        lang = language.code(),
        title = escape_html(subject),
        preheader = escape_html(preheader),
        colour = branding.colour,
    )
}

/// Renders a complete email. The caller has already checked no placeholder is missing.
pub(crate) fn render(
    subject_template: &str,
    content: &str,
    values: &Personalisation,
    branding: &Branding,
    language: Language,
) -> EmailMessage {
    let subject = subject(subject_template, values);
    let body = html_body(content, values);
    let preheader = preheader(content, values);
    let plain_text = plain_text_body(content, values, None);
    let size_in_bytes = Field::new(content).without_escaping().render(values).len();
    EmailMessage {
        html: html_document(&subject, &body, &preheader, branding, language),
        subject,
        plain_text,
        preheader,
        size_in_bytes,
        notify_markdown: notify_body::notify_markdown(content, values),
    }
}

/// Notify's plain-text email for a body, with an optional unsubscribe link: exposed for
/// checking against Notify's published emails.
pub fn plain_text_email(
    content: &str,
    values: &Personalisation,
    unsubscribe_link: Option<&str>,
) -> String {
    plain_text_body(content, values, unsubscribe_link)
}

/// Notify's email subject line for a subject template.
pub fn email_subject(subject_template: &str, values: &Personalisation) -> String {
    subject(subject_template, values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_carries_the_brand_and_never_the_crown() {
        let values = Personalisation::new().with("name", "Sam");
        let branding = Branding::new("Powys County Council", "#1D4F2A");
        let email = render(
            "Hello ((name))",
            "Dear ((name)),\n\n# Bins\n\nCollected **Monday**.",
            &values,
            &branding,
            Language::Welsh,
        );
        assert_eq!(email.subject, "Hello Sam");
        assert!(email.html.contains("bgcolor=\"#1D4F2A\""));
        assert!(email.html.contains("lang=\"cy\""));
        assert!(email.html.contains("Powys County Council"));
        assert!(!email.html.to_lowercase().contains("crown"));
        assert!(
            email.preheader.starts_with("Dear Sam, Bins"),
            "{}",
            email.preheader
        );
        assert!(
            email.plain_text.contains("Bins\n====="),
            "{}",
            email.plain_text
        );
    }

    #[test]
    fn a_bad_colour_cannot_break_the_html() {
        assert_eq!(Branding::new("x", "red\" onload=\"x").colour, "#0B0C0C");
    }

    #[test]
    fn line_breaks_in_a_subject_value_stay_on_one_line() {
        let values = Personalisation::new().with("ref", "A1\r\nBcc: evil@example.com");
        assert_eq!(
            subject("Ref ((ref))", &values),
            "Ref A1 Bcc: evil@example.com"
        );
    }
}

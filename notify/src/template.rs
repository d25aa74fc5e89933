//! Templates: an email, text message or letter in Notify's template language, with a version
//! for each language the council writes in, kept in files under version control or built in
//! code.

use serde::Deserialize;

use crate::email::{self, Branding, EMAIL_SIZE_LIMIT_BYTES, EmailMessage};
use crate::field::{self, Field, FieldOptions};
use crate::language::Language;
use crate::markdown;
use crate::personalisation::Personalisation;
use crate::sms::{SMS_CHARACTER_LIMIT, SmsMessage, SmsPolicy};

/// What a template sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum TemplateKind {
    /// An email: subject and markdown body.
    Email,
    /// A text message.
    Sms,
    /// A letter: subject (its heading) and markdown body.
    Letter,
}

/// One language's wording of a template.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateVersion {
    /// The subject (emails) or heading (letters); absent for text messages.
    #[serde(default)]
    pub subject: Option<String>,
    /// The body in Notify's markdown (emails, letters) or plain text (text messages).
    pub body: String,
}

/// A template with its English version and, optionally, a Welsh one.
///
/// Templates load from TOML, one file per template:
///
/// ```
/// use civic_notify::{Language, Personalisation, SmsPolicy, Template};
///
/// let template = Template::from_toml(r#"
///     kind = "sms"
///     [en]
///     body = "Your ((bin colour)) bin is collected on ((day))."
///     [cy]
///     body = "Caiff eich bin ((bin colour)) ei gasglu ar ((day))."
/// "#)?;
/// assert_eq!(template.placeholders(), ["bin colour", "day"]);
///
/// let values = Personalisation::new().with("bin_colour", "gwyrdd").with("day", "ddydd Llun");
/// let message = template.render_sms(Language::Welsh, &values, None, SmsPolicy::Gsm)?;
/// assert_eq!(message.text(), "Caiff eich bin gwyrdd ei gasglu ar ddydd Llun.");
///
/// let missing = template.render_sms(Language::English, &Personalisation::new(), None, SmsPolicy::Gsm);
/// assert!(missing.unwrap_err().to_string().contains("bin colour"));
/// # Ok::<(), civic_notify::TemplateError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// What the template sends.
    pub kind: TemplateKind,
    /// The English version.
    pub en: TemplateVersion,
    /// The Welsh version, if the council has written one.
    #[serde(default)]
    pub cy: Option<TemplateVersion>,
}

/// Why a template cannot produce a message. Raised before anything is queued.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TemplateError {
    /// Values are missing for these placeholders.
    #[error("missing personalisation: {}", .0.join(", "))]
    MissingPersonalisation(Vec<String>),
    /// The text message body is over 918 characters (the count is given).
    #[error("text message too long: {0} characters, the limit is {SMS_CHARACTER_LIMIT}")]
    SmsTooLong(usize),
    /// The email body is over Notify's size limit (the size in bytes is given).
    #[error("email too big: {0} bytes, the limit is {EMAIL_SIZE_LIMIT_BYTES}")]
    EmailTooBig(usize),
    /// The message would be empty.
    #[error("the message is empty")]
    Empty,
    /// The template is of another kind (an SMS template asked for an email, say).
    #[error("this is a {0:?} template")]
    WrongKind(TemplateKind),
    /// An email or letter template has no subject.
    #[error("the {0} version has no subject")]
    NoSubject(&'static str),
    /// The template file could not be read or parsed.
    #[error("template file: {0}")]
    File(String),
}

impl Template {
    /// A template built in code, English only.
    pub fn new(kind: TemplateKind, subject: Option<&str>, body: &str) -> Template {
        Template {
            kind,
            en: TemplateVersion {
                subject: subject.map(str::to_owned),
                body: body.to_owned(),
            },
            cy: None,
        }
    }

    /// The same template with a Welsh version.
    pub fn with_welsh(mut self, subject: Option<&str>, body: &str) -> Template {
        self.cy = Some(TemplateVersion {
            subject: subject.map(str::to_owned),
            body: body.to_owned(),
        });
        self
    }

    /// Reads a template from TOML text: `kind`, then `[en]` and optionally `[cy]` tables with
    /// `subject` and `body`.
    pub fn from_toml(text: &str) -> Result<Template, TemplateError> {
        let template: Template =
            toml::from_str(text).map_err(|e| TemplateError::File(e.to_string()))?;
        if template.kind != TemplateKind::Sms {
            if template.en.subject.is_none() {
                return Err(TemplateError::NoSubject("English"));
            }
            if template.cy.as_ref().is_some_and(|cy| cy.subject.is_none()) {
                return Err(TemplateError::NoSubject("Welsh"));
            }
        }
        Ok(template)
    }

    /// Reads a template file.
    pub fn load(path: &std::path::Path) -> Result<Template, TemplateError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| TemplateError::File(format!("{}: {e}", path.display())))?;
        Template::from_toml(&text)
    }

    /// The version in `language`, or the English one when there is no translation.
    pub fn version(&self, language: Language) -> &TemplateVersion {
        match (language, &self.cy) {
            (Language::Welsh, Some(welsh)) => welsh,
            _ => &self.en,
        }
    }

    /// Every placeholder any version uses, first spelling of each.
    pub fn placeholders(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        let versions = std::iter::once(&self.en).chain(self.cy.as_ref());
        for version in versions {
            let texts = version.subject.iter().chain(std::iter::once(&version.body));
            for text in texts {
                for name in Field::new(text).placeholders() {
                    let key = crate::personalisation::placeholder_key(&name);
                    if !names
                        .iter()
                        .any(|n| crate::personalisation::placeholder_key(n) == key)
                    {
                        names.push(name);
                    }
                }
            }
        }
        names
    }

    /// The placeholders `values` has no value for, in the version for `language`.
    pub fn missing(&self, language: Language, values: &Personalisation) -> Vec<String> {
        let version = self.version(language);
        let mut missing = Vec::new();
        for text in version.subject.iter().chain(std::iter::once(&version.body)) {
            for name in Field::new(text).missing(values) {
                if !missing.contains(&name) {
                    missing.push(name);
                }
            }
        }
        missing
    }

    fn check_complete(
        &self,
        language: Language,
        values: &Personalisation,
    ) -> Result<(), TemplateError> {
        let missing = self.missing(language, values);
        if missing.is_empty() {
            Ok(())
        } else {
            Err(TemplateError::MissingPersonalisation(missing))
        }
    }

    /// The text message in `language`, refused if a value is missing, if it is empty or if it
    /// is over 918 characters.
    pub fn render_sms(
        &self,
        language: Language,
        values: &Personalisation,
        sender: Option<&str>,
        policy: SmsPolicy,
    ) -> Result<SmsMessage, TemplateError> {
        if self.kind != TemplateKind::Sms {
            return Err(TemplateError::WrongKind(self.kind));
        }
        self.check_complete(language, values)?;
        let message = SmsMessage::render(&self.version(language).body, values, sender, policy);
        if message.is_too_long() {
            return Err(TemplateError::SmsTooLong(
                message.characters_without_prefix(),
            ));
        }
        if message.is_empty() {
            return Err(TemplateError::Empty);
        }
        Ok(message)
    }

    /// The email in `language`, refused if a value is missing or it is over Notify's size.
    pub fn render_email(
        &self,
        language: Language,
        values: &Personalisation,
        branding: &Branding,
    ) -> Result<EmailMessage, TemplateError> {
        if self.kind != TemplateKind::Email {
            return Err(TemplateError::WrongKind(self.kind));
        }
        self.check_complete(language, values)?;
        let version = self.version(language);
        let subject = version
            .subject
            .as_deref()
            .ok_or(TemplateError::NoSubject("chosen"))?;
        let message = email::render(subject, &version.body, values, branding, language);
        if message.size_in_bytes > EMAIL_SIZE_LIMIT_BYTES {
            return Err(TemplateError::EmailTooBig(message.size_in_bytes));
        }
        if message.plain_text.trim().is_empty() {
            return Err(TemplateError::Empty);
        }
        Ok(message)
    }

    /// The letter's heading and body HTML in `language` (for printing), refused if a value is
    /// missing.
    pub fn render_letter(
        &self,
        language: Language,
        values: &Personalisation,
    ) -> Result<(String, String), TemplateError> {
        if self.kind != TemplateKind::Letter {
            return Err(TemplateError::WrongKind(self.kind));
        }
        self.check_complete(language, values)?;
        let version = self.version(language);
        let subject = version
            .subject
            .as_deref()
            .ok_or(TemplateError::NoSubject("chosen"))?;
        let heading = email::subject(subject, values);
        let (body, literals) = letter_body(&version.body, values);
        Ok((
            heading,
            markdown::render_with_literals(&body, markdown::Flavour::Letter, &literals),
        ))
    }
}

/// A letter body ready for markdown: values as tokens standing for plain text (see
/// `literal`), and the values themselves.
fn letter_body(content: &str, values: &Personalisation) -> (String, Vec<String>) {
    let options = FieldOptions {
        escape: true,
        html_placeholders: true,
        markdown_lists: true,
        redact_missing: false,
    };
    let (body, literals) = field::render_literal(content, values, options);
    (format!("{body}\n"), literals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn email_template() -> Template {
        Template::new(
            TemplateKind::Email,
            Some("Your ((service)) request"),
            "Dear ((name)),\n\nThanks.",
        )
        .with_welsh(Some("Eich cais ((service))"), "Annwyl ((name)),\n\nDiolch.")
    }

    #[test]
    fn each_language_gets_its_own_wording() {
        let values = Personalisation::new()
            .with("service", "bulky waste")
            .with("name", "Sam");
        let branding = Branding::new("Council", "#005EA5");
        let welsh = email_template()
            .render_email(Language::Welsh, &values, &branding)
            .unwrap();
        assert_eq!(welsh.subject, "Eich cais bulky waste");
        assert!(welsh.plain_text.contains("Diolch."));
        let english = email_template()
            .render_email(Language::English, &values, &branding)
            .unwrap();
        assert!(english.plain_text.contains("Thanks."));
    }

    #[test]
    fn missing_values_are_named_before_anything_is_built() {
        let values = Personalisation::new().with("name", "Sam");
        let error = email_template()
            .render_email(
                Language::English,
                &values,
                &Branding::new("Council", "#000000"),
            )
            .unwrap_err();
        assert_eq!(
            error,
            TemplateError::MissingPersonalisation(vec!["service".to_owned()])
        );
    }

    #[test]
    fn a_value_too_long_for_a_text_is_refused() {
        let template = Template::new(TemplateKind::Sms, None, "Note: ((note))");
        let values = Personalisation::new().with("note", "x".repeat(1000));
        let error = template
            .render_sms(Language::English, &values, None, SmsPolicy::Gsm)
            .unwrap_err();
        assert_eq!(error, TemplateError::SmsTooLong(1006));
    }

    #[test]
    fn files_need_a_subject_for_email() {
        let error = Template::from_toml("kind = \"email\"\n[en]\nbody = \"x\"").unwrap_err();
        assert_eq!(error, TemplateError::NoSubject("English"));
    }

    proptest! {
        #[test]
        fn any_text_and_values_never_panic(body in "\\PC{0,200}", value in "\\PC{0,40}") {
            let values = Personalisation::new().with("a", value.clone()).with("b", vec![value]);
            let branding = Branding::new("Council", "#000000");
            let email = Template::new(TemplateKind::Email, Some("((a))"), &body);
            let _ = email.render_email(Language::English, &values, &branding);
            let sms = Template::new(TemplateKind::Sms, None, &body);
            let _ = sms.render_sms(Language::Welsh, &values, Some("Council"), SmsPolicy::Unicode);
            let letter = Template::new(TemplateKind::Letter, Some("((a))"), &body);
            let _ = letter.render_letter(Language::English, &values);
        }
    }
}

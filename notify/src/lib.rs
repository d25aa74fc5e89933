//! Emails, text messages and letters for council services, written and checked the way
//! GOV.UK Notify writes and checks them.
//!
//! ```
//! use civic_notify::{Allow, EmailAddress, Language, PhoneNumber};
//!
//! let mobile = PhoneNumber::parse("07700 900123", Allow::UK_MOBILE)?;
//! assert_eq!(mobile.as_str(), "447700900123");
//!
//! let refused = EmailAddress::parse("resident@council").unwrap_err();
//! assert_eq!(refused.message(Language::Welsh), "Nid yw’n gyfeiriad e-bost dilys");
//! # Ok::<(), civic_notify::RecipientError>(())
//! ```
//!
//! # Recipients
//!
//! [`PhoneNumber::parse`] and [`EmailAddress::parse`] accept what GOV.UK Notify accepts and
//! refuse what it refuses, with Notify's messages (in English or Welsh) in
//! [`RecipientError`]. Which numbers a service may text is Notify's pair of permissions,
//! [`Allow`]: UK landlines and international numbers. Premium-rate numbers are always refused.
//! The countries text messages reach, and their price, are in [`SmsCountry`].
//!
//! # Text messages
//!
//! [`SmsMessage`] fills a template's placeholders, puts the sender's name first and counts
//! the message as Notify does: the GSM 03.38 alphabet with extension characters counted
//! twice, Welsh letters forcing UCS-2, fragments of 160/153 or 70/67, and the 918-character
//! limit. [`SmsPolicy`] chooses between Notify's two behaviours: downgrade to GSM (`é` → `e`,
//! emoji → `?`) or keep Unicode. Every change made to fit the encoding is reported.
//!
//! ```
//! use civic_notify::{SmsEncoding, SmsMessage, SmsPolicy};
//!
//! let message = SmsMessage::new("Your bin is due – “green” week", Some("Powys"), SmsPolicy::Gsm);
//! assert_eq!(message.text(), "Powys: Your bin is due - \"green\" week");
//! assert_eq!((message.encoding(), message.fragments()), (SmsEncoding::Gsm7, 1));
//! ```
//!
//! # Placeholders
//!
//! [`Field`] is Notify's template language: `((name))` (matched ignoring case, spaces, `_` and
//! `-`), `((name??text shown when yes))`, list values ("a, b and c", or bullets in email),
//! HTML-escaped values, and [`Field::missing`] to refuse a message before it is queued.
//!
//! In email and letter bodies a value is plain text ([`ValueMarkup`]): unlike Notify, which
//! reads values as markdown unless told to `sanitise_content_for` them, a value can never
//! add a heading, list, inset or link, so a resident's answer cannot put a link into the
//! council's email. A value the council wrote itself can opt in with
//! [`Personalisation::trust_markdown`].
//!
//! # Templates and emails
//!
//! A [`Template`] holds an email, text message or letter with an English and optionally a
//! Welsh version, loaded from a TOML file or built in code. Rendering refuses, before
//! anything is queued, a message with missing values ([`TemplateError`] names them), a text
//! over 918 characters or an email over Notify's size. An email renders as Notify's markdown
//! would ([`EmailMessage`]): an HTML document in the council's [`Branding`] (colour, logo,
//! never the crown) with a hidden preheader, and the plain-text alternative.
//!
//! # Letters
//!
//! [`PostalAddress`] checks and tidies an address as Notify does: 3 to 7 lines, the last a
//! real UK postcode, a BFPO number or (with [`InternationalLetters::Allowed`]) a [`Country`]
//! with its [`Postage`], no line starting with `@ ( ) = [ ] " \ / , < > ~`, never "no fixed
//! abode". A refused address is a [`PostalAddressError`] with Notify's message in English or
//! Welsh; [`AddressCheck`] shows every rule's result for a staff page.
//!
//! A letter template renders to the HTML Notify prints ([`Template::render_letter`]) and,
//! with the `pdf` feature, to a printable A4 PDF (`Template::render_letter_pdf`, which takes
//! a checked [`PostalAddress`], so an address Notify would refuse never reaches the page) with
//! the address inside the envelope window of Notify's letter specification (`ADDRESS_WINDOW`).
//!
//! # Cargo features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `mailbox-transport` | yes | [`transport::MailboxTransport`]: messages kept in memory for a development mailbox |
//! | `file-transport` | yes | [`transport::FileTransport`]: one JSON file per message |
//! | `smtp-transport` | yes | [`transport::SmtpTransport`]: email through an SMTP relay, with lettre |
//! | `notify-api-transport` | yes | [`transport::NotifyApiTransport`]: email and text messages through the GOV.UK Notify API |
//! | `rate-limit` | yes | [`transport::RateLimited`]: a per-minute limit in front of any transport |
//! | `outbox` | yes | [`outbox::Outbox`]: the durable outbox on SQLite or PostgreSQL, with sqlx |
//! | `pdf` | no | `Template::render_letter_pdf`: letters as printable A4 PDFs, with krilla |

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod bulk;
mod country;
mod email;
mod email_address;
mod field;
mod formatters;
mod gsm;
mod language;
#[cfg(feature = "pdf")]
mod letter_pdf;
mod letter_postcode;
mod literal;
mod markdown;
mod messages;
mod notify_body;
#[cfg(feature = "outbox")]
pub mod outbox;
mod personalisation;
mod phone_number;
mod postal_address;
mod qr_code;
mod recipient_error;
mod sms;
mod sms_country;
mod template;
pub mod transport;
mod typography;
mod value;
mod value_markup;

pub use bulk::{BulkError, BulkMessage, BulkOptions, MAX_ROWS, RowProblem, check_csv};
pub use country::{Country, Postage};
pub use email::{Branding, EMAIL_SIZE_LIMIT_BYTES, EmailMessage, email_subject, plain_text_email};
pub use email_address::EmailAddress;
pub use field::Field;
pub use gsm::{
    CharacterChange, EXTENDED_GSM_CHARACTERS, GSM_CHARACTERS, WELSH_DIACRITICS,
    WELSH_NON_GSM_CHARACTERS, downgrade_to_ascii, downgrade_to_sms,
};
pub use language::Language;
#[cfg(feature = "pdf")]
pub use letter_pdf::{
    A4, ADDRESS_WINDOW, Area, FIRST_PAGE_BODY_TOP, LetterPdf, LetterPdfError, PRINTABLE_AREA,
};
pub use letter_postcode::{
    format_postcode_for_printing, format_postcode_or_none, is_real_uk_postcode, normalise_postcode,
};
pub use markdown::{
    markdown_to_email_html, markdown_to_letter_html, markdown_to_plain_text, markdown_to_preheader,
};
pub use messages::Message;
pub use personalisation::{Personalisation, placeholder_key};
pub use phone_number::{Allow, InternationalInfo, PhoneNumber};
pub use postal_address::{
    AddressCheck, InternationalLetters, MAX_ADDRESS_LINES, MIN_ADDRESS_LINES, PostalAddress,
    PostalAddressError,
};
pub use recipient_error::RecipientError;
pub use sms::{SMS_CHARACTER_LIMIT, SmsEncoding, SmsMessage, SmsPolicy};
pub use sms_country::{AlphaSender, SmsCountry};
pub use template::{Template, TemplateError, TemplateKind, TemplateVersion};
pub use value::Value;
pub use value_markup::ValueMarkup;

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
//! # Cargo features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | — | | the crate has no optional features yet |

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod email_address;
mod language;
mod messages;
mod phone_number;
mod recipient_error;
mod sms_country;

pub use email_address::EmailAddress;
pub use language::Language;
pub use messages::Message;
pub use phone_number::{Allow, InternationalInfo, PhoneNumber};
pub use recipient_error::RecipientError;
pub use sms_country::{AlphaSender, SmsCountry};

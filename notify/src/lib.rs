//! Emails, text messages and letters for council services, written and checked the way
//! GOV.UK Notify writes and checks them, sent through SMTP, the Notify API or a development
//! mailbox, and never lost on the way.
//!
//! # Cargo features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | — | | the crate has no optional features yet |

//! One payment interface for council services, with a GOV.UK Pay adapter and an offline
//! sandbox, so a service can take card payments and be tested end to end with no network.
//!
//! # Cargo features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | — | | the crate has no optional features yet |

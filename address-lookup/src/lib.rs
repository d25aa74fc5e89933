//! UK postcodes and addresses for council services: postcode validation as the rules really
//! are, the BS 7666 address model, a fast embedded address index and the OS Places API.
//!
//! # Cargo features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | — | | the crate has no optional features yet |

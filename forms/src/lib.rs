//! A form engine for council services: definitions in Rust or in JSON, YAML or TOML become
//! GOV.UK-style journeys with one question per page.
//!
//! It asks each question the way the GOV.UK Design System does, reports errors in the
//! Design System's words, follows branching rules, shows "check your answers", lets a resident
//! save and return, and delivers each submission to the council.
//!
//! # Cargo features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | — | | the crate has no optional features yet |

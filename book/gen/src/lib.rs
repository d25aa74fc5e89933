//! The generated parts of the civic guide, and every code sample it shows.
//!
//! The guide (`book/`) never pastes HTML or hand-writes a table that the code could give:
//! `cargo run -p civic-book -- book/src/generated` writes, for each component, the HTML our
//! renderer makes from the page's Rust example, the upstream option object that renders the
//! same, and a params table read from the params types; for each answer type, its options
//! from the form definition's JSON Schema. `cargo xtask test` runs it before `mdbook build`.
//!
//! Code shown in the guide lives in this crate's modules between `ANCHOR:` comments and is
//! included by mdBook's `{{#include file:anchor}}`; the tests run it.
//!
//! ```
//! let examples = civic_book::components::examples();
//! assert_eq!(examples.len(), civic_components::COMPONENTS.len());
//! ```

pub mod components;
pub mod generate;
pub mod links;
pub mod params;
pub mod patterns;
pub mod pay_errors;

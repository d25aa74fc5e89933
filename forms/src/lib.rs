//! A form engine for council services: definitions in Rust or in JSON, YAML or TOML become
//! GOV.UK-style journeys with one question per page.
//!
//! It asks each question the way the GOV.UK Design System does, reports errors in the
//! Design System's words, follows branching rules, shows "check your answers", lets a resident
//! save and return, and delivers each submission to the council.
//!
//! ```
//! use civic_forms::definition::{Format, FormDefinition};
//!
//! let form = FormDefinition::parse(
//!     r#"
//! id: parking
//! title: Apply for a parking permit
//! pages:
//!   - id: vehicle
//!     questions:
//!       - id: registration
//!         label: What is the vehicle's registration number?
//!         answer: { type: vehicle_registration }
//!     routes:
//!       - to: permit-type
//! "#,
//!     Format::Yaml,
//! )?;
//! let problems = civic_forms::check::check(&form);
//! assert_eq!(
//!     problems[0].to_string(),
//!     "pages[0].routes[0].to: there is no page with the id `permit-type`"
//! );
//! # Ok::<(), civic_forms::definition::LoadError>(())
//! ```
//!
//! # Concepts
//!
//! - [`definition`]: the form definition, from a file or built in Rust, and its
//!   [JSON Schema](schema).
//! - [`check`]: finds every problem in a definition, with its path and a plain sentence.
//! - [`answers`]: the answer types, one file each: how its fields are read into a typed
//!   answer, with the Design System's error messages keyed by field (`dob.month`), how its
//!   field is rendered, and how the answer reads on "check your answers".
//! - [`journey`]: the next step, the back link, which pages may be opened, add-to-a-list
//!   items, when "check your answers" is allowed, and the fee.
//! - [`session`]: where answers live between requests: in memory, SQLite or PostgreSQL.
//! - [`messages`]: every built-in message a resident sees, in English and Welsh.
//! - [`render`]: every page as a pure function to markup, with civic-components: question
//!   pages for every answer type with the Design System's error rules, the address lookup
//!   steps, add-to-a-list, check your answers, task list, save and return, confirmation.
//! - [`reference`](mod@reference): confirmation references that are easy to read aloud.
//! - [`delivery`]: a finished form's fan-out to handlers, each delivery tracked and retried.
//! - `save_return` (feature `sql`): one-off "save and return" links by email.
//! - `http` (feature `axum`): a form served over HTTP, mounted with one line:
//!   `Router::new().nest("/apply", form.router())`.
//! - `validation` (feature `validator`): a page read into the service's own
//!   `#[derive(Validate)]` struct, its errors shown in the Design System's words.
//! - `retention` (feature `sql`): deletes submissions and sessions past the form's retention.
//!
//! # Cargo features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `sql` | yes | [`session::SqlSessionStore`]: sessions in SQLite or PostgreSQL through sqlx; stored submissions, delivery tracking, save and return, retention |
//! | `pay` | no | `Deliveries::hold` / `paid` / `release_paid`: a submission is delivered only once its civic-pay-adapters payment succeeds; with `axum`, `FormServiceBuilder::payments` takes the fee after "check your answers" |
//! | `axum` | no | `http::FormService`: the form's pages over HTTP with Post/Redirect/Get, a signed session cookie, CSRF tokens, body and rate limits, a honeypot and session expiry |
//! | `webhook` | no | `delivery::WebhookHandler`: submissions posted as HMAC-SHA256-signed JSON, with reqwest |
//! | `validator` | no | `validation::field_errors`: a Rust-defined page's `#[derive(Validate)]` errors as the Design System's, one per question in page order, keyed like `dob.month` |

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod answers;
pub mod check;
pub mod decimal;
pub mod definition;
pub mod delivery;
#[cfg(feature = "axum")]
pub mod http;
pub mod journey;
pub mod messages;
pub mod reference;
pub mod render;
#[cfg(feature = "sql")]
pub mod retention;
#[cfg(feature = "sql")]
pub mod save_return;
pub mod schema;
pub mod session;
#[cfg(feature = "validator")]
pub mod validation;

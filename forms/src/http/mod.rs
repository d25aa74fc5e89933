//! The HTTP layer (feature `axum`): a form served as GOV.UK-style pages, mounted in one line.
//!
//! ```text
//! let form = FormService::builder(definition, store, deliveries, &secret)?.build()?;
//! let app = Router::new().nest("/apply", form.router());
//! ```
//!
//! - **Post/Redirect/Get**: a good POST saves the answers and answers `303 See Other` to the
//!   next step; a POST with errors shows the page again (200) with the Design System's error
//!   summary and the answers re-shown. The back link goes to the previous step of the journey
//!   actually taken; a page the journey has not reached redirects to the current step.
//! - **Session**: a random id in a cookie signed with the service's secret (HttpOnly,
//!   SameSite=Lax, Secure when the public URL is https). A changed cookie is not recognised:
//!   a new session starts and the stored one is untouched. Sessions end after the form's
//!   `retention.session_timeout_minutes` without activity; the next request shows "Your
//!   answers have been deleted". Every question page says how long answers are kept and
//!   carries a closed timeout warning dialog, which civic-components' script opens two minutes
//!   before the end (WCAG 2.2.1): "Continue" posts to `/keep-alive`, "Delete answers and sign
//!   out" to `/sign-out`, and when the time runs out the resident sees "Your answers have been
//!   deleted" (`/timeout`). Without JavaScript the sentence is the warning.
//! - **Refused without losing answers**: a POST without the session's CSRF token (403), a
//!   body over [`HttpConfig::body_limit`] (413), a field the page does not ask for (400),
//!   too many POSTs from one client (429, [`RateLimit`], with tower_governor). Requests time
//!   out after [`HttpConfig::request_timeout`].
//! - **Honeypot**: a field hidden from people ([`HttpConfig::honeypot_field`]); a POST with it
//!   filled is not saved, and is answered with the same 303 as a good one so a bot learns
//!   nothing.
//! - **Save and return** (with [`FormServiceBuilder::save_and_return`]): "Save and come back
//!   later" under every question emails a one-off link; opening it (GET) shows a "Continue
//!   your application" button and only that button's POST uses the link up.
//! - **Postcode lookup** (with [`FormServiceBuilder::addresses`]): a page whose one question
//!   is a UK address asks for the postcode (and, optionally, the building), lists the
//!   addresses there in natural order and stores the one chosen with its UPRN; "I can't find
//!   the address in the list" leads to typing it in. If the provider fails, the resident is
//!   told the address finder is not working and offered manual entry, keeping the answers.
//! - **Task list** (a definition with `task_list`): the form opens on the task list
//!   (`/task-list`); each task is begun from there in any order, unless it depends on an
//!   unfinished one ("Cannot start yet"), and finishing its pages returns there. "Check your
//!   answers" is the last task, open once the others are completed; its Change links carry
//!   `?return=check-answers` and come back to it.
//! - **File uploads**: a page with a file upload posts `multipart/form-data`, read as it
//!   arrives within [`HttpConfig::upload_limit`]; each file is judged by its content, held to
//!   its question's size limit and kinds, and stored in the service's
//!   [`FileStore`](crate::session::FileStore) (by default beside the submissions), the answer
//!   keeping each file's id, name, kind, size and SHA-256. A changed upload deletes the files
//!   it replaced; sent files belong to the submission and go with it.
//! - **Language**: `?lang=cy` on any page switches to a language the form offers, keeping the
//!   answers; the session remembers it, and a cookie too for the pages shown once the session
//!   has gone.
//! - **Jobs** ([`FormService::spawn_jobs`]): on a timer, deliveries that failed are tried
//!   again, applications paid for by residents who never came back are finished, and the
//!   form's retention period is applied.
//! - **The resident's copy**: the confirmation page links to `/confirmation/copy`, what they
//!   sent as a text file.
//! - **Payment** (feature `pay`, with [`FormServiceBuilder::payments`]): "check your answers"
//!   shows the fee worked out from the answers; sending holds the submission and goes to the
//!   provider's payment page; coming back reads the status from the provider and releases the
//!   submission once paid, or offers "Try paying again" for the same held submission.
//!   [`PaymentHooks`] ([`FormServiceBuilder::payment_hooks`]) hold what the resident is
//!   paying for (a collection slot) and release it when the payment ends unpaid.
//! - **Options supplied at request time** ([`FormServiceBuilder::choices`]): a one-from-a-list
//!   question with `supplied: true` offers and accepts only what its [`ChoiceSource`] says
//!   is open now; an option that went meanwhile is refused on its page in the Design
//!   System's words.

mod address_lookup;
mod base;
mod body;
mod check_answers;
mod choices;
mod config;
mod confirmation;
mod csrf;
mod honeypot;
mod href;
mod jobs;
mod language;
mod list;
#[cfg(feature = "pay")]
mod payment;
#[cfg(feature = "pay")]
mod payment_hooks;
mod prefill;
mod problem;
mod question;
mod rate_limit;
mod save_and_return;
mod service;
mod start;
mod task_list;
mod timeout;
mod upload;
mod visit;

pub use choices::{ChoiceError, ChoiceSource};
pub use config::{HttpConfig, RateLimit};
pub use jobs::JobsReport;
#[cfg(feature = "pay")]
pub use payment_hooks::{HoldError, PaymentHooks};
pub use service::{FormService, FormServiceBuilder, ServiceError};

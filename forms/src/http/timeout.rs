//! The timeout warning's requests (WCAG 2.2.1), for the dialog `timeout-warning.mjs` opens
//! shortly before a session would end:
//!
//! - `POST /keep-alive` ("Continue"): with the session's CSRF token, counts as activity and
//!   answers `204 No Content`; `410 Gone` when the session has already ended.
//! - `POST /sign-out` ("Delete answers and sign out", and the end of the countdown with
//!   `timed_out=yes`): deletes the answers and the cookie, then `303` to `/signed-out` or, when
//!   the time ran out, to `/timeout`.
//! - `GET /signed-out` and `GET /timeout`: "Your answers have been deleted", saying why.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use super::base::Base;
use super::problem::Problem;
use super::service::Inner;
use super::visit::{self, Found};
use super::{body, href};
use crate::journey::Journey;
use crate::messages::ProblemText;

/// The field the script sets to `yes` when the countdown ran out.
const TIMED_OUT: &str = "timed_out";

/// `POST /keep-alive`.
pub(crate) async fn keep_alive(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    headers: HeaderMap,
    request_body: Body,
) -> Response {
    let jar = visit::jar(&inner, &headers);
    let here = format!("{base}/keep-alive");
    let result = async {
        let found = visit::find(&inner, &jar).await?;
        let Found::Live(mut session) = found else {
            return Ok(StatusCode::GONE.into_response());
        };
        let language = session.language;
        let submitted = body::read_form(&inner, request_body, language, &here).await?;
        body::check_csrf(&inner, &session.id, &submitted, language, &here)?;
        visit::save(&inner, &mut session).await?;
        Ok(StatusCode::NO_CONTENT.into_response())
    }
    .await;
    result.unwrap_or_else(|problem: Problem| problem.response(&inner, &base))
}

/// `POST /sign-out`.
pub(crate) async fn sign_out(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    headers: HeaderMap,
    request_body: Body,
) -> Response {
    let jar = visit::jar(&inner, &headers);
    let here = format!("{base}/sign-out");
    let result = async {
        let found = visit::find(&inner, &jar).await?;
        let language = match &found {
            Found::Live(session) => session.language,
            _ => inner.languages()[0],
        };
        let submitted = body::read_form(&inner, request_body, language, &here).await?;
        let mut to = if submitted.get(TIMED_OUT) == "yes" {
            format!("{base}/timeout")
        } else {
            format!("{base}/signed-out")
        };
        // The session that held the language is about to go: the next page is told.
        if language != inner.languages()[0] {
            to = format!("{to}?lang={}", language.code());
        }
        if let Found::Live(session) = found {
            body::check_csrf(&inner, &session.id, &submitted, language, &here)?;
            inner
                .store
                .delete(&session.id)
                .await
                .map_err(|error| Problem::unavailable(&error).language(language))?;
        }
        let jar = jar.remove(visit::removal(&inner, &base));
        Ok((jar, Redirect::to(&to)).into_response())
    }
    .await;
    result.unwrap_or_else(|problem: Problem| problem.response(&inner, &base))
}

/// `GET /signed-out`: the answers were deleted at the resident's request.
pub(crate) async fn signed_out(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    deleted_page(&inner, &base, query, &headers, ProblemText::SignedOut).await
}

/// `GET /timeout`: the answers were deleted when the time ran out.
pub(crate) async fn timed_out(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    deleted_page(&inner, &base, query, &headers, ProblemText::AnswersDeleted).await
}

/// The "answers deleted" page, unless the visitor still has answers: then they are not
/// deleted, and the resident goes back to where they were. In the language `?lang=` asks for,
/// or else the one the browser chose.
async fn deleted_page(
    inner: &Inner,
    base: &str,
    query: Option<String>,
    headers: &HeaderMap,
    why: ProblemText,
) -> Response {
    let jar = visit::jar(inner, headers);
    match visit::find(inner, &jar).await {
        Ok(Found::Live(session)) => {
            let journey = Journey::new(&inner.form, inner.now().date());
            Redirect::to(&href::step(base, &journey.current(&session.answers))).into_response()
        }
        Ok(_) => {
            let language = super::language::requested(query.as_deref(), inner.languages())
                .unwrap_or_else(|| visit::remembered_language(inner, &jar));
            Problem::new(why).language(language).response(inner, base)
        }
        Err(problem) => problem.response(inner, base),
    }
}

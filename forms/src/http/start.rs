//! `GET /`: the form's address. Starts a session (or resumes one) and redirects to the step
//! the resident is on; and the "page not found" page for addresses the form does not have.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};

use super::base::Base;
use super::problem::Problem;
use super::service::Inner;
use super::visit::{self, Found};
use super::{href, language};
use crate::journey::Journey;
use crate::messages::ProblemText;

/// `GET /`.
pub(crate) async fn start(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let jar = visit::jar(&inner, &headers);
    let found = match visit::find(&inner, &jar).await {
        Ok(found) => found,
        Err(problem) => return problem.response(&inner, &base),
    };
    let (mut session, jar) = match found {
        Found::Live(session) => (session, jar),
        // "Start again" after the answers were deleted, or a first visit.
        Found::Gone | Found::Nobody => match visit::start(&inner, &jar).await {
            Ok(session) => {
                let cookie = visit::cookie(&inner, &base, &session.id);
                (session, jar.add(cookie))
            }
            Err(problem) => return problem.response(&inner, &base),
        },
    };
    if language::switch(&mut session, query.as_deref(), inner.languages())
        && let Err(problem) = visit::save(&inner, &mut session).await
    {
        return problem.response(&inner, &base);
    }
    let journey = Journey::new(&inner.form, inner.now().date());
    let to = href::step(&base, &journey.current(&session.answers));
    (jar, Redirect::to(&to)).into_response()
}

/// Any other address under the form.
pub(crate) async fn not_found(State(inner): State<Arc<Inner>>, Base(base): Base) -> Response {
    Problem::new(ProblemText::NotFound).response(&inner, &base)
}

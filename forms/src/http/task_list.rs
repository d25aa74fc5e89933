//! `GET /task-list`: the hub of a form with a task list. The form's address leads here, each
//! task's link opens where the resident carries on, and finishing a task comes back here.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::base::Base;
use super::problem::Problem;
use super::question::deleted;
use super::service::Inner;
use super::visit::{self, Found};
use super::{href, language};
use crate::messages::ProblemText;
use crate::render::{PageContext, task_list_page};

/// `GET /task-list`.
pub(crate) async fn show(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let jar = visit::jar(&inner, &headers);
    let result = async {
        let (mut session, jar) = match visit::find(&inner, &jar).await? {
            Found::Live(session) => (session, jar),
            Found::Gone => return Ok(deleted(&inner, &base, jar)),
            Found::Nobody => return Ok(Redirect::to(&href::start(&base)).into_response()),
        };
        language::switch(&mut session, query.as_deref(), inner.languages());
        visit::save(&inner, &mut session).await?;
        let save_href = format!("{base}/save");
        // No form on the page, but the timeout warning's buttons post.
        let token = inner.csrf.token(&session.id);
        let context = PageContext {
            brand: &inner.brand,
            assets: &inner.assets,
            action: "",
            csrf_token: &token,
            back_href: None,
            language: session.language,
            extras: inner.extras(&base, Some(&save_href)),
        };
        let step_href = |step: &_| href::step(&base, step);
        match task_list_page(
            &context,
            &inner.form,
            &session.answers,
            inner.now().date(),
            &step_href,
        ) {
            Some(page) => Ok((jar, Html(page.into_string())).into_response()),
            None => Err(Problem::new(ProblemText::NotFound).language(session.language)),
        }
    }
    .await;
    result.unwrap_or_else(|problem: Problem| problem.response(&inner, &base))
}

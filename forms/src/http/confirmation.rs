//! `GET /confirmation`: the reference of the submission just made. The session is gone by
//! then, so the reference travels in its own signed cookie, which lasts until the browser
//! closes (a refresh shows the page again).

use std::sync::Arc;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, SameSite};

use super::base::Base;
use super::service::Inner;
use super::visit;
use crate::definition::Language;
use crate::delivery::Submission;
use crate::render::{PageContext, PageExtras, confirmation_page};

fn name(inner: &Inner) -> String {
    format!("{}_done", inner.config.cookie_name)
}

/// The cookie carrying `submission`'s language and reference to the confirmation page.
pub(crate) fn cookie(inner: &Inner, base: &str, submission: &Submission) -> Cookie<'static> {
    let value = format!("{}:{}", submission.language.code(), submission.reference);
    Cookie::build((name(inner), value))
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(inner.secure)
        .path(visit::cookie_path(base))
        .build()
}

/// `GET /confirmation`.
pub(crate) async fn show(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    headers: HeaderMap,
) -> Response {
    let jar = visit::jar(&inner, &headers);
    let Some(done) = jar.get(&name(&inner)) else {
        return Redirect::to(&super::href::start(&base)).into_response();
    };
    let (code, reference) = done.value().split_once(':').unwrap_or(("en", ""));
    let language = if code == Language::Cy.code() {
        Language::Cy
    } else {
        Language::En
    };
    let context = PageContext {
        brand: &inner.brand,
        assets: &inner.assets,
        action: "",
        csrf_token: "",
        back_href: None,
        language,
        extras: PageExtras::default(),
    };
    Html(confirmation_page(&context, reference).into_string()).into_response()
}

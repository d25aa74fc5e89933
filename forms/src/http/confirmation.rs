//! `GET /confirmation`: the reference of the submission just made (and the amount paid, when
//! the form took a payment). The session is gone by then, so the reference travels in its own
//! signed cookie, which lasts until the browser closes (a refresh shows the page again).

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
use crate::render::{PageContext, PageExtras, confirmation_page, paid_confirmation_page};

fn name(inner: &Inner) -> String {
    format!("{}_done", inner.config.cookie_name)
}

/// The cookie carrying `submission`'s language and reference to the confirmation page.
pub(crate) fn cookie(inner: &Inner, base: &str, submission: &Submission) -> Cookie<'static> {
    let value = format!("{}:{}", submission.language.code(), submission.reference);
    build(inner, base, value)
}

/// The cookie of an application paid for: its language, reference and the pence paid.
#[cfg(feature = "pay")]
pub(crate) fn paid_cookie(
    inner: &Inner,
    base: &str,
    language: Language,
    reference: &str,
    pence: u64,
) -> Cookie<'static> {
    build(
        inner,
        base,
        format!("{}:{reference}:{pence}", language.code()),
    )
}

fn build(inner: &Inner, base: &str, value: String) -> Cookie<'static> {
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
    let mut parts = done.value().split(':');
    let code = parts.next().unwrap_or("en");
    let reference = parts.next().unwrap_or("");
    // Signed with the service's key, so the amount is the one the provider reported.
    let paid = parts.next().and_then(|pence| pence.parse::<u64>().ok());
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
        extras: PageExtras {
            service_name: Some(&inner.form.title),
            ..PageExtras::default()
        },
    };
    let page = match paid {
        Some(pence) => paid_confirmation_page(&context, reference, pence),
        None => confirmation_page(&context, reference),
    };
    Html(page.into_string()).into_response()
}

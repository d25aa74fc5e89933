//! `GET /confirmation`: the reference of the submission just made (and the amount paid, when
//! the form took a payment). The session is gone by then, so the reference travels in its own
//! signed cookie, which lasts until the browser closes (a refresh shows the page again).
//!
//! `GET /confirmation/copy`: the resident's copy of what they sent, as a text file, for the
//! browser holding that cookie only, while the submission is kept (its form's retention).

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, SameSite};

use super::base::Base;
use super::problem::Problem;
use super::service::Inner;
use super::visit;
use crate::definition::Language;
use crate::delivery::Submission;
use crate::delivery::copy::plain_text;
use crate::messages::ProblemText;
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

/// The reference and language in the request's confirmation cookie, and the pence paid if
/// the form took a payment.
fn done(inner: &Inner, headers: &HeaderMap) -> Option<(String, Language, Option<u64>)> {
    let jar = visit::jar(inner, headers);
    let done = jar.get(&name(inner))?;
    let mut parts = done.value().split(':');
    let code = parts.next().unwrap_or("en");
    let reference = parts.next().unwrap_or("").to_owned();
    // Signed with the service's key, so the amount is the one the provider reported.
    let paid = parts.next().and_then(|pence| pence.parse::<u64>().ok());
    let language = if code == Language::Cy.code() {
        Language::Cy
    } else {
        Language::En
    };
    Some((reference, language, paid))
}

/// `GET /confirmation/copy`: `{reference}.txt`, never cached (it holds personal data).
pub(crate) async fn copy(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    headers: HeaderMap,
) -> Response {
    let Some((reference, language, _)) = done(&inner, &headers) else {
        return Redirect::to(&super::href::start(&base)).into_response();
    };
    let stored = match inner.deliveries.store().load(&reference).await {
        Ok(stored) => stored,
        Err(error) => {
            return Problem::unavailable(&error)
                .language(language)
                .response(&inner, &base);
        }
    };
    // Deleted after the form's retention period, or another form's under the same cookie.
    let Some(submission) = stored.filter(|s| s.form_id == inner.form.id) else {
        return Problem::new(ProblemText::NotFound)
            .language(language)
            .response(&inner, &base);
    };
    let text = plain_text(&inner.form, &submission);
    let disposition = format!("attachment; filename=\"{}.txt\"", submission.reference);
    (
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_owned()),
            // Read as text whatever the answers hold, never as a page.
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
        ],
        text,
    )
        .into_response()
}

/// `GET /confirmation`.
pub(crate) async fn show(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    headers: HeaderMap,
) -> Response {
    let Some((reference, language, paid)) = done(&inner, &headers) else {
        return Redirect::to(&super::href::start(&base)).into_response();
    };
    let copy_href = format!("{base}/confirmation/copy");
    let context = PageContext {
        brand: &inner.brand,
        assets: &inner.assets,
        action: "",
        csrf_token: "",
        back_href: None,
        language,
        extras: PageExtras {
            service_name: Some(&inner.form.title),
            copy_href: Some(&copy_href),
            ..PageExtras::default()
        },
    };
    let page = match paid {
        Some(pence) => paid_confirmation_page(
            &context,
            &reference,
            pence,
            inner.form.confirmation.as_ref(),
        ),
        None => confirmation_page(&context, &reference, inner.form.confirmation.as_ref()),
    };
    Html(page.into_string()).into_response()
}

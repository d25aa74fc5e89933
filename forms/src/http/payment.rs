//! The payment step (features `axum` and `pay`): after "check your answers" the submission is
//! held, a payment is started through civic-pay-adapters' [`Checkout`] and the resident goes
//! to the provider's page; the return URL (unique to the payment) brings them back here.
//!
//! - `GET /payment/{token}`: the status is read from the provider, never from the URL. Paid:
//!   the held submission is released (once, however often this is called) and the resident
//!   sees the confirmation with the amount paid. Failed, cancelled or expired: "Your payment
//!   was not taken" with "Try paying again". Still going on: "We are checking your payment".
//! - `POST /payment/{token}`: "Try paying again": a new payment for the same held submission.
//!
//! The session has ended by then (the answers are in the held submission), so the CSRF token
//! of these pages is made from the payment's return token.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::SignedCookieJar;
use civic_pay_adapters::{
    Checkout, Language as PayLanguage, Money, NewPayment, PaymentRecord, StartOutcome,
};

use super::base::Base;
use super::payment_hooks::HoldError;
use super::problem::Problem;
use super::service::Inner;
use super::{body, confirmation, visit};
use crate::definition::Language;
use crate::delivery::Submission;
use crate::messages::ProblemText;
use crate::render::{PageContext, PageExtras, checking_payment_page, payment_not_taken_page};
use crate::session::Session;

/// Where a payment's return URL leads, under the form's address.
pub(crate) const PATH: &str = "payment";

/// Holds `submission` (its answers are safe from here on), starts paying `pence` for it and
/// sends the resident to the provider's page; the session ends. If the payment cannot be
/// started the session is kept, so the resident can try again from "check your answers".
pub(crate) async fn start(
    inner: &Inner,
    checkout: &Checkout,
    base: &str,
    jar: SignedCookieJar,
    session: &Session,
    submission: &Submission,
    pence: u64,
) -> Result<Response, Problem> {
    let language = submission.language;
    let amount = i64::try_from(pence)
        .ok()
        .and_then(|pence| Money::payment(pence).ok())
        .ok_or_else(|| {
            tracing::error!(pence, "the form's fee is not an amount a payment can take");
            Problem::new(ProblemText::Unavailable).language(language)
        })?;
    let description = inner
        .form
        .payment
        .as_ref()
        .map_or("", |payment| payment.description.in_language(language));
    // Checkout replaces the return URL with the base plus a token unique to this payment.
    let request = NewPayment::new(
        amount,
        &submission.reference,
        description,
        checkout.return_base().clone(),
    )
    .language(pay_language(language));
    let now = inner.now();
    if let Some(hooks) = &inner.payment_hooks {
        match hooks.started(submission, now).await {
            Ok(()) => {}
            Err(HoldError::Gone { question }) => {
                return super::choices::show_gone(inner, base, session, &question).await;
            }
            Err(error) => return Err(Problem::unavailable(&error).language(language)),
        }
    }
    let held = inner.deliveries.hold(submission, now).await;
    let outcome = match held {
        Ok(()) => checkout.start(&submission.reference, &request).await,
        Err(error) => {
            release(inner, &submission.reference).await;
            return Err(Problem::unavailable(&error).language(language));
        }
    };
    let outcome = match outcome {
        Ok(outcome) => outcome,
        Err(error) => {
            release(inner, &submission.reference).await;
            return Err(Problem::unavailable(&error).language(language));
        }
    };
    if let Err(error) = inner.store.delete(&session.id).await {
        // The submission is held; the session expires on its own.
        tracing::warn!(%error, "a session sent to payment could not be deleted");
    }
    let jar = jar.remove(visit::removal(inner, base));
    Ok((jar, go(inner, base, outcome).await?).into_response())
}

/// Where [`Checkout::start`]'s outcome sends the resident: the provider's page (Checkout has
/// checked it is one, with `is_payment_page`), or back to the return page.
async fn go(inner: &Inner, base: &str, outcome: StartOutcome) -> Result<Response, Problem> {
    Ok(match outcome {
        StartOutcome::Redirect(url) => Redirect::to(url.as_str()).into_response(),
        StartOutcome::AlreadyPaid(record) | StartOutcome::InProgress(record) => {
            Redirect::to(&href(base, &record.return_token)).into_response()
        }
        // A later kind of outcome: the return page reads the status and says what it is.
        _ => {
            tracing::warn!("an unknown outcome of starting a payment");
            return Err(Problem::new(ProblemText::Unavailable).language(inner.languages()[0]));
        }
    })
}

/// `GET /payment/{token}`: the resident is back from the provider.
pub(crate) async fn returned(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    match show(&inner, &base, &token, &headers).await {
        Ok(response) => response,
        Err(problem) => problem.response(&inner, &base),
    }
}

async fn show(
    inner: &Inner,
    base: &str,
    token: &str,
    headers: &HeaderMap,
) -> Result<Response, Problem> {
    let record = record(inner, token).await?.1;
    let language = form_language(inner, &record);
    let here = href(base, token);
    let csrf_token = inner.csrf.payment_token(token);
    let context = PageContext {
        brand: &inner.brand,
        assets: &inner.assets,
        action: &here,
        csrf_token: &csrf_token,
        back_href: None,
        language,
        extras: PageExtras {
            service_name: Some(&inner.form.title),
            ..PageExtras::default()
        },
    };
    if !record.is_finished() {
        return Ok(Html(checking_payment_page(&context).into_string()).into_response());
    }
    if !record.is_success() && held(inner, &record, language).await? {
        release(inner, &record.order_id).await;
        return Ok(Html(payment_not_taken_page(&context).into_string()).into_response());
    }
    // Paid, by this attempt or (for an old attempt's page) a later one. Released once: a
    // refresh, a second return or the scheduled job find nothing held.
    inner
        .deliveries
        .paid(&record.order_id, inner.now())
        .await
        .map_err(|error| Problem::unavailable(&error).language(language))?;
    let pence = u64::try_from(record.amount.pence()).unwrap_or(0);
    let jar = visit::jar(inner, headers).add(confirmation::paid_cookie(
        inner,
        base,
        language,
        &record.order_id,
        pence,
    ));
    Ok((jar, Redirect::to(&format!("{base}/confirmation"))).into_response())
}

/// `POST /payment/{token}`: "Try paying again".
pub(crate) async fn try_again(
    State(inner): State<Arc<Inner>>,
    Base(base): Base,
    Path(token): Path<String>,
    request_body: Body,
) -> Response {
    match pay_again(&inner, &base, &token, request_body).await {
        Ok(response) => response,
        Err(problem) => problem.response(&inner, &base),
    }
}

async fn pay_again(
    inner: &Inner,
    base: &str,
    token: &str,
    request_body: Body,
) -> Result<Response, Problem> {
    let here = href(base, token);
    let (checkout, record) = record(inner, token).await?;
    let language = form_language(inner, &record);
    let submitted = body::read_form(inner, request_body, language, &here).await?;
    if !inner
        .csrf
        .verify_payment(token, submitted.get(super::csrf::FIELD))
    {
        return Err(body::forbidden(language, &here));
    }
    // Only a payment that is over, for an application still waiting, is tried again; anything
    // else goes back to the page that says where it stands.
    if !record.is_finished() || record.is_success() || !held(inner, &record, language).await? {
        return Ok(Redirect::to(&here).into_response());
    }
    if let Some(hooks) = &inner.payment_hooks {
        let submission = inner
            .deliveries
            .store()
            .load(&record.order_id)
            .await
            .map_err(|error| Problem::unavailable(&error).language(language))?
            .ok_or_else(|| Problem::new(ProblemText::NotFound).language(language))?;
        match hooks.started(&submission, inner.now()).await {
            Ok(()) => {}
            // The answers are in the held submission, not a session: the resident starts
            // again to choose again.
            Err(HoldError::Gone { .. }) => {
                return Err(Problem::new(ProblemText::ChoiceGone).language(language));
            }
            Err(error) => return Err(Problem::unavailable(&error).language(language)),
        }
    }
    let outcome = match checkout.start(&record.order_id, &record.request).await {
        Ok(outcome) => outcome,
        Err(error) => {
            release(inner, &record.order_id).await;
            return Err(Problem::unavailable(&error).language(language));
        }
    };
    go(inner, base, outcome).await
}

/// Tells the payment hooks the payment for `reference` ended unpaid. A failure is logged:
/// the hold lapses at its expiry.
async fn release(inner: &Inner, reference: &str) {
    if let Some(hooks) = &inner.payment_hooks
        && let Err(error) = hooks.not_paid(reference, inner.now()).await
    {
        tracing::warn!(%error, "a hold could not be released; it lapses at its expiry");
    }
}

/// The service's checkout and the payment with `token`, its status read from the provider.
/// An unknown token (a changed or made-up URL) is "Page not found".
async fn record(inner: &Inner, token: &str) -> Result<(Checkout, PaymentRecord), Problem> {
    let not_found = || Problem::new(ProblemText::NotFound);
    let checkout = inner.payments.clone().ok_or_else(not_found)?;
    match checkout.returned(token).await {
        Ok(record) => Ok((checkout, record)),
        Err(error) if error.is_not_found() => Err(not_found()),
        Err(error) => Err(Problem::unavailable(&error)),
    }
}

/// Whether the payment's submission is still waiting to be paid for. A finished, unpaid
/// attempt whose submission was released was overtaken by a later attempt that paid: its
/// page shows the confirmation rather than asking the resident to pay twice.
async fn held(inner: &Inner, record: &PaymentRecord, language: Language) -> Result<bool, Problem> {
    inner
        .deliveries
        .is_held(&record.order_id)
        .await
        .map_err(|error| Problem::unavailable(&error).language(language))
}

/// The form language the payment was made in (the form's first if it no longer offers it).
fn form_language(inner: &Inner, record: &PaymentRecord) -> Language {
    let language = match record.request.language {
        PayLanguage::Welsh => Language::Cy,
        _ => Language::En,
    };
    if inner.languages().contains(&language) {
        language
    } else {
        inner.languages()[0]
    }
}

fn pay_language(language: Language) -> PayLanguage {
    match language {
        Language::Cy => PayLanguage::Welsh,
        Language::En => PayLanguage::English,
    }
}

/// The return page of the payment with `token`, for a form mounted at `base`.
fn href(base: &str, token: &str) -> String {
    format!("{base}/{PATH}/{token}")
}

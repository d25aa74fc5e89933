//! The sandbox's hosted "Enter card details" page, as an axum router (feature `axum`).
//!
//! Rendered with plain maud and GOV.UK Frontend classes for now.
// TODO(civic-components): switch the fields, error summary and buttons to civic-components
// once it publishes them; the markup here follows the same govuk-frontend classes.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use maud::{DOCTYPE, Markup, html};
use serde::Deserialize;

use super::{CardEntry, CardPageResult, FieldError, SandboxProvider};
use crate::messages::{Language, Message};
use crate::payment::Payment;
use crate::provider::PaymentProvider;

/// The card page routes, to mount at the sandbox's base URL:
/// `GET|POST /card_details/{payment_id}` and `POST /card_details/{payment_id}/cancel`.
///
/// The form carries no CSRF token: the sandbox takes no real money and its only effect is on
/// its own test payments.
pub fn router(provider: SandboxProvider) -> Router {
    Router::new()
        .route("/card_details/{payment_id}", get(show).post(submit))
        .route("/card_details/{payment_id}/cancel", post(cancel))
        .with_state(Arc::new(provider))
}

/// Serves the card pages on `address` until the process is stopped, and with `api_key`, the
/// sandbox's GOV.UK Pay API ([`super::api_router`]) on the same origin.
pub async fn serve(
    address: std::net::SocketAddr,
    provider: SandboxProvider,
    api_key: Option<String>,
) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(address).await?;
    let mut app = router(provider.clone());
    if let Some(key) = api_key {
        app = app.merge(super::api_router(provider, key));
    }
    axum::serve(listener, app).await
}

type Sandbox = State<Arc<SandboxProvider>>;

#[derive(Debug, Default, Deserialize)]
struct CardForm {
    #[serde(default, rename = "card-number")]
    card_number: String,
    #[serde(default, rename = "expiry-month")]
    expiry_month: String,
    #[serde(default, rename = "expiry-year")]
    expiry_year: String,
    #[serde(default, rename = "cardholder-name")]
    cardholder_name: String,
    #[serde(default)]
    cvc: String,
}

async fn show(State(sandbox): Sandbox, Path(payment_id): Path<String>) -> Response {
    match sandbox.open_card_page(&payment_id).await {
        Ok(payment) => {
            Html(card_page(&payment, &CardForm::default(), &[]).into_string()).into_response()
        }
        Err(error) => not_payable(&sandbox, &payment_id, &error).await,
    }
}

async fn submit(
    State(sandbox): Sandbox,
    Path(payment_id): Path<String>,
    Form(form): Form<CardForm>,
) -> Response {
    let entry = CardEntry {
        card_number: form.card_number.clone(),
        expiry_month: form.expiry_month.clone(),
        expiry_year: form.expiry_year.clone(),
        cardholder_name: form.cardholder_name.clone(),
        cvc: form.cvc.clone(),
    };
    match sandbox.submit_card(&payment_id, &entry).await {
        Ok(CardPageResult::Done(payment)) => Redirect::to(&payment.return_url).into_response(),
        Ok(CardPageResult::Invalid(errors)) => match sandbox.get(&payment_id).await {
            Ok(payment) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                Html(card_page(&payment, &form, &errors).into_string()),
            )
                .into_response(),
            Err(error) => not_payable(&sandbox, &payment_id, &error).await,
        },
        Err(error) => not_payable(&sandbox, &payment_id, &error).await,
    }
}

async fn cancel(State(sandbox): Sandbox, Path(payment_id): Path<String>) -> Response {
    match sandbox.cancel_by_payer(&payment_id).await {
        Ok(payment) => Redirect::to(&payment.return_url).into_response(),
        Err(error) => not_payable(&sandbox, &payment_id, &error).await,
    }
}

/// The page for a payment that is unknown, finished or expired.
async fn not_payable(
    sandbox: &SandboxProvider,
    payment_id: &str,
    error: &crate::PaymentError,
) -> Response {
    let payment = sandbox.get(payment_id).await.ok();
    let language = payment.as_ref().map(|p| p.language).unwrap_or_default();
    let (status, heading) = if error.is_not_found() {
        (StatusCode::NOT_FOUND, Message::PaymentNotFound)
    } else if error.is_retryable() {
        tracing::warn!(error = %error, "sandbox card page could not load a payment");
        (
            StatusCode::SERVICE_UNAVAILABLE,
            Message::PaymentNotAvailable,
        )
    } else {
        (StatusCode::CONFLICT, Message::PaymentNotAvailable)
    };
    let body = html! {
        h1 class="govuk-heading-l" { (heading.text(language)) }
        @if let Some(payment) = &payment {
            p class="govuk-body" {
                a class="govuk-link" href=(payment.return_url) { (Message::ReturnToService.text(language)) }
            }
        }
    };
    (
        status,
        Html(layout(language, heading.text(language), body).into_string()),
    )
        .into_response()
}

const MINIMAL_CSS: &str = "body{font-family:arial,sans-serif;margin:0 1rem;line-height:1.4}\
.govuk-form-group{margin-bottom:1.5rem}.govuk-label,.govuk-fieldset__legend{display:block;margin-bottom:.3rem}\
.govuk-hint{color:#505a5f}.govuk-input{display:block;min-height:2.5rem;font-size:1.1rem}\
.govuk-date-input__item{display:inline-block;margin-right:1.2rem}\
.govuk-error-message,.govuk-error-summary__title{color:#d4351c;font-weight:bold}\
.govuk-button{min-height:2.75rem;padding:.4rem 1rem;font-size:1.1rem;margin:0 0 1.5rem}\
.govuk-visually-hidden{position:absolute!important;width:1px!important;height:1px!important;\
margin:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important}";

fn layout(language: Language, title: &str, content: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(language.code()) class="govuk-template" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " – GOV.UK Pay sandbox" }
                // Until the page is built from civic-components and its stylesheet, a few rules
                // keep fields and buttons large enough to use (WCAG 2.2 target size).
                style { (maud::PreEscaped(MINIMAL_CSS)) }
            }
            body class="govuk-template__body" {
                div class="govuk-width-container" {
                    main class="govuk-main-wrapper" id="main-content" {
                        div class="govuk-grid-row" {
                            div class="govuk-grid-column-two-thirds" { (content) }
                        }
                    }
                }
            }
        }
    }
}

fn error_for<'a>(errors: &'a [FieldError], field: &str) -> Option<&'a Message> {
    errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
}

fn card_page(payment: &Payment, form: &CardForm, errors: &[FieldError]) -> Markup {
    let language = payment.language;
    let t = |m: Message| m.text(language);
    let title = if errors.is_empty() {
        t(Message::CardPageTitle).to_owned()
    } else {
        format!("{} {}", t(Message::ErrorPrefix), t(Message::CardPageTitle))
    };
    // Relative, so the router works wherever it is nested.
    let action = payment.payment_id.as_str();
    let content = html! {
        @if !errors.is_empty() {
            div class="govuk-error-summary" data-module="govuk-error-summary" {
                div role="alert" {
                    h2 class="govuk-error-summary__title" { (t(Message::ErrorSummaryTitle)) }
                    div class="govuk-error-summary__body" {
                        ul class="govuk-list govuk-error-summary__list" {
                            @for (field, message) in errors {
                                li { a href={ "#" (field) } { (message.text(language)) } }
                            }
                        }
                    }
                }
            }
        }
        div class="govuk-warning-text" {
            span class="govuk-warning-text__icon" aria-hidden="true" { "!" }
            strong class="govuk-warning-text__text" {
                span class="govuk-visually-hidden" { (t(Message::WarningPrefix)) " " }
                (t(Message::CardPageSandboxWarning))
            }
        }
        h1 class="govuk-heading-l" { (t(Message::CardPageTitle)) }
        p class="govuk-body" { (payment.description) }
        p class="govuk-body" {
            (t(Message::CardPageAmountLabel)) " "
            strong id="amount" { (payment.amount) }
        }
        form method="post" action=(action) novalidate {
            (text_field("card-number", t(Message::CardNumberLabel), None, "", "cc-number", "numeric", "govuk-input--width-20", errors, language))
            (expiry_field(form, errors, language))
            (text_field("cardholder-name", t(Message::CardholderNameLabel), None, &form.cardholder_name, "cc-name", "text", "", errors, language))
            (text_field("cvc", t(Message::SecurityCodeLabel), Some(t(Message::SecurityCodeHint)), "", "cc-csc", "numeric", "govuk-input--width-4", errors, language))
            button type="submit" class="govuk-button" data-module="govuk-button" id="submit-card-details" {
                (t(Message::ContinueButton))
            }
        }
        form method="post" action={ (action) "/cancel" } {
            button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button" id="cancel-payment" {
                (t(Message::CancelPaymentButton))
            }
        }
    };
    layout(language, &title, content)
}

#[allow(clippy::too_many_arguments)]
fn text_field(
    id: &str,
    label: &str,
    hint: Option<&str>,
    value: &str,
    autocomplete: &str,
    inputmode: &str,
    width: &str,
    errors: &[FieldError],
    language: Language,
) -> Markup {
    let error = error_for(errors, id);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let mut described_by = Vec::new();
    if hint.is_some() {
        described_by.push(hint_id.as_str());
    }
    if error.is_some() {
        described_by.push(error_id.as_str());
    }
    let described_by = described_by.join(" ");
    html! {
        div class={ "govuk-form-group" @if error.is_some() { " govuk-form-group--error" } } {
            label class="govuk-label" for=(id) { (label) }
            @if let Some(hint) = hint {
                div id=(hint_id) class="govuk-hint" { (hint) }
            }
            @if let Some(message) = error {
                p id=(error_id) class="govuk-error-message" {
                    span class="govuk-visually-hidden" { (Message::ErrorPrefix.text(language)) " " }
                    (message.text(language))
                }
            }
            input class={ "govuk-input" @if !width.is_empty() { " " (width) } @if error.is_some() { " govuk-input--error" } }
                id=(id) name=(id) type="text" value=(value) autocomplete=(autocomplete)
                inputmode=(inputmode) spellcheck="false"
                aria-describedby=[(!described_by.is_empty()).then_some(described_by.as_str())];
        }
    }
}

fn expiry_field(form: &CardForm, errors: &[FieldError], language: Language) -> Markup {
    let t = |m: Message| m.text(language);
    let error = error_for(errors, "expiry-month");
    html! {
        div class={ "govuk-form-group" @if error.is_some() { " govuk-form-group--error" } } {
            fieldset class="govuk-fieldset" role="group"
                aria-describedby={ "expiry-hint" @if error.is_some() { " expiry-error" } } {
                legend class="govuk-fieldset__legend govuk-fieldset__legend--s" { (t(Message::ExpiryDateLabel)) }
                div id="expiry-hint" class="govuk-hint" { (t(Message::ExpiryDateHint)) }
                @if let Some(message) = error {
                    p id="expiry-error" class="govuk-error-message" {
                        span class="govuk-visually-hidden" { (t(Message::ErrorPrefix)) " " }
                        (message.text(language))
                    }
                }
                div class="govuk-date-input" {
                    (date_part("expiry-month", t(Message::ExpiryMonthLabel), &form.expiry_month, "cc-exp-month", error.is_some()))
                    (date_part("expiry-year", t(Message::ExpiryYearLabel), &form.expiry_year, "cc-exp-year", error.is_some()))
                }
            }
        }
    }
}

fn date_part(id: &str, label: &str, value: &str, autocomplete: &str, error: bool) -> Markup {
    html! {
        div class="govuk-date-input__item" {
            div class="govuk-form-group" {
                label class="govuk-label govuk-date-input__label" for=(id) { (label) }
                input class={ "govuk-input govuk-date-input__input govuk-input--width-2" @if error { " govuk-input--error" } }
                    id=(id) name=(id) type="text" value=(value) autocomplete=(autocomplete) inputmode="numeric";
            }
        }
    }
}

//! The sandbox's hosted "Enter card details" page, as an axum router (feature `axum`).
//!
//! Built from civic-components under a council's [`Brand`]: the page template with the
//! council's header and footer, the error summary, inputs with their error messages, the
//! expiry date input, the billing address GOV.UK Pay's own page asks for, a summary of what
//! is being paid, and the Continue and "Cancel payment" buttons, in English or Welsh as the
//! payment asks. The branded stylesheet and script are served beside the page, under
//! `/assets/`, with content-hashed names ([`Assets::router`]).

use std::sync::{Arc, OnceLock};

use axum::Router;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use civic_components::assets::Assets;
use civic_components::brand::{Brand, BrandColour};
use civic_components::i18n;
use civic_components::template::Page;
use maud::{Markup, html};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{BillingAddress, CardEntry, CardPageResult, FieldError, SandboxProvider};
use crate::messages::{Language, Message};
use crate::payment::Payment;
use crate::provider::PaymentProvider;

/// Where the stylesheet and script are served.
const ASSETS_PATH: &str = "/assets";

/// The card page routes, under the sandbox's own neutral brand, to mount at the sandbox's base
/// URL: `GET|POST /card_details/{payment_id}`, `POST /card_details/{payment_id}/cancel` and
/// the assets under `/assets/`.
///
/// The form carries no CSRF token: the sandbox takes no real money and its only effect is on
/// its own test payments.
pub fn router(provider: SandboxProvider) -> Router {
    branded_router(provider, sandbox_brand(), default_assets())
}

/// As [`router`], under a council's brand and with its built assets (their base path must be
/// `/assets`), so a council's test journey looks like its live one.
pub fn branded_router(provider: SandboxProvider, brand: Brand, assets: Arc<Assets>) -> Router {
    let pages = Router::new()
        .route("/card_details/{payment_id}", get(show).post(submit))
        .route("/card_details/{payment_id}/cancel", post(cancel))
        .with_state(Arc::new(CardPage {
            provider,
            brand,
            assets: Arc::clone(&assets),
        }));
    pages.merge(assets.router())
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

/// The sandbox's own brand: a neutral name and colour, never GOV.UK's.
fn sandbox_brand() -> Brand {
    // A fixed colour, checked by a test below.
    match BrandColour::parse("#383f43") {
        Ok(colour) => Brand::new("Payment sandbox", colour),
        Err(error) => unreachable!("the sandbox's brand colour is fixed and valid: {error}"),
    }
}

/// civic-components' built assets, read once; unbuilt, the page is served unstyled rather
/// than not at all.
fn default_assets() -> Arc<Assets> {
    static ASSETS: OnceLock<Arc<Assets>> = OnceLock::new();
    Arc::clone(ASSETS.get_or_init(|| {
        let assets = Assets::load(Assets::default_dir(), ASSETS_PATH).unwrap_or_else(|error| {
            tracing::warn!(%error, "sandbox card page served without its stylesheet");
            Assets::empty(ASSETS_PATH)
        });
        Arc::new(assets)
    }))
}

struct CardPage {
    provider: SandboxProvider,
    brand: Brand,
    assets: Arc<Assets>,
}

type Sandbox = State<Arc<CardPage>>;

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
    #[serde(default, rename = "address-line-1")]
    address_line1: String,
    #[serde(default, rename = "address-line-2")]
    address_line2: String,
    #[serde(default, rename = "address-city")]
    address_city: String,
    #[serde(default, rename = "address-postcode")]
    address_postcode: String,
}

impl CardForm {
    fn card(&self) -> CardEntry {
        CardEntry {
            card_number: self.card_number.clone(),
            expiry_month: self.expiry_month.clone(),
            expiry_year: self.expiry_year.clone(),
            cardholder_name: self.cardholder_name.clone(),
            cvc: self.cvc.clone(),
        }
    }

    fn address(&self) -> BillingAddress {
        BillingAddress {
            line1: self.address_line1.clone(),
            line2: self.address_line2.clone(),
            city: self.address_city.clone(),
            postcode: self.address_postcode.clone(),
        }
    }
}

async fn show(State(page): Sandbox, Path(payment_id): Path<String>) -> Response {
    match page.provider.open_card_page(&payment_id).await {
        Ok(payment) => Html(card_page(&page, &payment, &CardForm::default(), &[]).into_string())
            .into_response(),
        Err(error) => not_payable(&page, &payment_id, &error).await,
    }
}

async fn submit(
    State(page): Sandbox,
    Path(payment_id): Path<String>,
    Form(form): Form<CardForm>,
) -> Response {
    let entry = form.card();
    let address_errors = form.address().check();
    // A bad address is shown with any card mistakes, and nothing is submitted.
    let result = if address_errors.is_empty() {
        page.provider.submit_card(&payment_id, &entry).await
    } else {
        let mut errors = page.provider.check_card(&entry);
        errors.extend(address_errors);
        Ok(CardPageResult::Invalid(errors))
    };
    match result {
        Ok(CardPageResult::Done(payment)) => Redirect::to(&payment.return_url).into_response(),
        Ok(CardPageResult::Invalid(errors)) => match page.provider.get(&payment_id).await {
            Ok(payment) if !payment.state.is_finished() => (
                StatusCode::UNPROCESSABLE_ENTITY,
                Html(card_page(&page, &payment, &form, &errors).into_string()),
            )
                .into_response(),
            Ok(_) => {
                let error = crate::PaymentError::new(
                    crate::error::ErrorKind::Conflict,
                    "the payment is finished",
                );
                not_payable(&page, &payment_id, &error).await
            }
            Err(error) => not_payable(&page, &payment_id, &error).await,
        },
        Err(error) => not_payable(&page, &payment_id, &error).await,
    }
}

async fn cancel(State(page): Sandbox, Path(payment_id): Path<String>) -> Response {
    match page.provider.cancel_by_payer(&payment_id).await {
        Ok(payment) => Redirect::to(&payment.return_url).into_response(),
        Err(error) => not_payable(&page, &payment_id, &error).await,
    }
}

fn components_language(language: Language) -> i18n::Language {
    match language {
        Language::Welsh => i18n::Language::Welsh,
        _ => i18n::Language::English,
    }
}

/// A component rendered from its upstream options; logged and left out if it cannot be.
fn component(name: &str, options: Value) -> Markup {
    civic_components::render_json(name, options).unwrap_or_else(|error| {
        tracing::warn!(%error, component = name, "left out of the sandbox card page");
        html! {}
    })
}

/// The page template with the brand's header and footer round `content`.
fn layout(
    page: &CardPage,
    language: Language,
    title: &str,
    errors: bool,
    content: Markup,
) -> Markup {
    let language = components_language(language);
    Page::new(&page.brand, &page.assets, title)
        .language(language)
        .title_has_error(errors)
        .header(component("generic-header", page.brand.header_options()))
        .footer(page.brand.footer(language))
        .content(content)
        .render()
}

/// The page for a payment that is unknown, finished or expired.
async fn not_payable(page: &CardPage, payment_id: &str, error: &crate::PaymentError) -> Response {
    let payment = page.provider.get(payment_id).await.ok();
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
    let markup = layout(page, language, heading.text(language), false, body);
    (status, Html(markup.into_string())).into_response()
}

fn error_for(errors: &[FieldError], field: &str) -> Option<Message> {
    errors.iter().find(|(f, _)| *f == field).map(|(_, m)| *m)
}

/// Upstream's `errorMessage` option in the page's language ("Gwall:" read out in Welsh).
fn error_message(error: Option<Message>, language: Language) -> Value {
    match error {
        Some(message) => json!({
            "text": message.text(language),
            "visuallyHiddenText": Message::ErrorPrefix.text(language).trim_end_matches(':'),
        }),
        None => Value::Bool(false),
    }
}

struct Field<'a> {
    id: &'a str,
    label: Message,
    hint: Option<Message>,
    value: &'a str,
    autocomplete: &'a str,
    classes: &'a str,
    numeric: bool,
}

fn input(field: Field<'_>, errors: &[FieldError], language: Language) -> Markup {
    let mut options = json!({
        "id": field.id,
        "name": field.id,
        "label": { "text": field.label.text(language) },
        "value": field.value,
        "autocomplete": field.autocomplete,
        "spellcheck": false,
        "errorMessage": error_message(error_for(errors, field.id), language),
    });
    if let Some(hint) = field.hint {
        options["hint"] = json!({ "text": hint.text(language) });
    }
    if !field.classes.is_empty() {
        options["classes"] = json!(field.classes);
    }
    if field.numeric {
        options["inputmode"] = json!("numeric");
    }
    component("input", options)
}

fn expiry(form: &CardForm, errors: &[FieldError], language: Language) -> Markup {
    let t = |m: Message| m.text(language);
    let error = error_for(errors, "expiry-month");
    let width = |size: &str| {
        if error.is_some() {
            format!("govuk-input--width-{size} govuk-input--error")
        } else {
            format!("govuk-input--width-{size}")
        }
    };
    component(
        "date-input",
        json!({
            "id": "expiry",
            "namePrefix": "expiry",
            "fieldset": { "legend": { "text": t(Message::ExpiryDateLabel), "classes": "govuk-fieldset__legend--s" } },
            "hint": { "text": t(Message::ExpiryDateHint) },
            "errorMessage": error_message(error, language),
            "items": [
                { "name": "month", "label": t(Message::ExpiryMonthLabel), "classes": width("2"),
                  "value": form.expiry_month, "autocomplete": "cc-exp-month" },
                { "name": "year", "label": t(Message::ExpiryYearLabel), "classes": width("4"),
                  "value": form.expiry_year, "autocomplete": "cc-exp-year" },
            ],
        }),
    )
}

fn billing_address(form: &CardForm, errors: &[FieldError], language: Language) -> Markup {
    let fields = html! {
        (input(Field { id: "address-line-1", label: Message::AddressLine1Label, hint: None,
            value: &form.address_line1, autocomplete: "billing address-line1", classes: "", numeric: false }, errors, language))
        (input(Field { id: "address-line-2", label: Message::AddressLine2Label, hint: None,
            value: &form.address_line2, autocomplete: "billing address-line2", classes: "", numeric: false }, errors, language))
        (input(Field { id: "address-city", label: Message::AddressCityLabel, hint: None,
            value: &form.address_city, autocomplete: "billing address-level2", classes: "govuk-!-width-two-thirds", numeric: false }, errors, language))
        (input(Field { id: "address-postcode", label: Message::AddressPostcodeLabel, hint: None,
            value: &form.address_postcode, autocomplete: "billing postal-code", classes: "govuk-input--width-10", numeric: false }, errors, language))
    };
    component(
        "fieldset",
        json!({
            "legend": { "text": Message::BillingAddressLegend.text(language), "classes": "govuk-fieldset__legend--m" },
            "html": fields.into_string(),
        }),
    )
}

fn card_page(page: &CardPage, payment: &Payment, form: &CardForm, errors: &[FieldError]) -> Markup {
    let language = payment.language;
    let t = |m: Message| m.text(language);
    // Relative, so the router works wherever it is nested.
    let action = payment.payment_id.as_str();
    let summary = component(
        "summary-list",
        json!({
            "rows": [
                { "key": { "text": t(Message::PaymentForLabel) }, "value": { "text": payment.description } },
                { "key": { "text": t(Message::CardPageAmountLabel).trim_end_matches(':') },
                  "value": { "text": payment.amount.to_string() } },
            ],
        }),
    );
    let content = html! {
        @if !errors.is_empty() {
            (component("error-summary", json!({
                "titleText": t(Message::ErrorSummaryTitle),
                "errorList": errors.iter().map(|(field, message)| json!({
                    "text": message.text(language),
                    "href": format!("#{field}"),
                })).collect::<Vec<_>>(),
            })))
        }
        (component("warning-text", json!({
            "text": t(Message::CardPageSandboxWarning),
            "iconFallbackText": t(Message::WarningPrefix),
        })))
        h1 class="govuk-heading-l" { (t(Message::CardPageTitle)) }
        h2 class="govuk-heading-m" { (t(Message::PaymentSummaryTitle)) }
        (summary)
        form method="post" action=(action) novalidate {
            // The card number and security code are never written back into the page.
            (input(Field { id: "card-number", label: Message::CardNumberLabel, hint: None, value: "",
                autocomplete: "cc-number", classes: "govuk-input--width-20", numeric: true }, errors, language))
            (expiry(form, errors, language))
            (input(Field { id: "cardholder-name", label: Message::CardholderNameLabel, hint: None,
                value: &form.cardholder_name, autocomplete: "cc-name", classes: "", numeric: false }, errors, language))
            (input(Field { id: "cvc", label: Message::SecurityCodeLabel, hint: Some(Message::SecurityCodeHint),
                value: "", autocomplete: "cc-csc", classes: "govuk-input--width-4", numeric: true }, errors, language))
            (billing_address(form, errors, language))
            (component("button", json!({
                "text": t(Message::ContinueButton),
                "attributes": { "id": "submit-card-details" },
            })))
        }
        form method="post" action={ (action) "/cancel" } {
            (component("button", json!({
                "text": t(Message::CancelPaymentButton),
                "classes": "govuk-button--secondary",
                "attributes": { "id": "cancel-payment" },
            })))
        }
    };
    layout(
        page,
        language,
        t(Message::CardPageTitle),
        !errors.is_empty(),
        content,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sandbox_brand_is_not_govuk() {
        let brand = sandbox_brand();
        assert_eq!(brand.theme_color(), "#383f43");
        let header = brand.header_options().to_string();
        assert!(header.contains("Payment sandbox"), "{header}");
    }
}

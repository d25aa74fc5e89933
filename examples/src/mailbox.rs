//! `/dev/mailbox`: every email and text message the demo has sent, shown as the resident would
//! see it. Mounted only in development; production configuration never keeps messages.

use std::sync::Arc;

use axum::extract::State;
use civic_components::i18n::Language;
use civic_notify::transport::Outgoing;
use maud::{Markup, html};

use crate::site::Site;

pub(crate) async fn mailbox(State(site): State<Arc<Site>>, language: Language) -> Markup {
    let messages = site
        .mailbox
        .as_ref()
        .map(|mailbox| mailbox.messages())
        .unwrap_or_default();
    let title = "Development mailbox";
    let content = html! {
        h1 class="govuk-heading-xl" { (title) }
        p class="govuk-body" {
            "Every email and text message this demo has sent, newest first. Nothing here reaches a real inbox or phone."
        }
        @if messages.is_empty() {
            p class="govuk-body" { "No messages have been sent yet." }
        }
        @for (index, message) in messages.iter().rev().enumerate() {
            @match message {
                Outgoing::Email(email) => {
                    h2 class="govuk-heading-m" { (email.message.subject) }
                    dl class="govuk-summary-list" {
                        div class="govuk-summary-list__row" {
                            dt class="govuk-summary-list__key" { "To" }
                            dd class="govuk-summary-list__value" { (email.to.as_str()) }
                        }
                        div class="govuk-summary-list__row" {
                            dt class="govuk-summary-list__key" { "From" }
                            dd class="govuk-summary-list__value" { (email.from) }
                        }
                    }
                    // The email's own HTML, sandboxed: no scripts, no navigation of this page.
                    iframe class="civic-mailbox__email" sandbox="" srcdoc=(email.message.html)
                        title={ "Email: " (email.message.subject) }
                        style="width:100%;height:32rem;border:1px solid #b1b4b6" {}
                    details class="govuk-details" {
                        summary class="govuk-details__summary" {
                            span class="govuk-details__summary-text" { "Plain text version" }
                        }
                        div class="govuk-details__text" {
                            pre class="govuk-body" style="white-space:pre-wrap" { (email.message.plain_text) }
                        }
                    }
                }
                Outgoing::Sms(sms) => {
                    h2 class="govuk-heading-m" { "Text message " (index + 1) }
                    dl class="govuk-summary-list" {
                        div class="govuk-summary-list__row" {
                            dt class="govuk-summary-list__key" { "To" }
                            dd class="govuk-summary-list__value" { (sms.to.e164()) }
                        }
                    }
                    div class="govuk-inset-text" style="white-space:pre-wrap" { (sms.text) }
                }
                _ => {}
            }
        }
    };
    site.page(language, title, "/dev/mailbox", content)
}

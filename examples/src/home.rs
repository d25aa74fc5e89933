//! The home page: the council's name and the list of its online services.

use std::sync::Arc;

use axum::extract::State;
use maud::{DOCTYPE, Markup, html};

use crate::Config;

/// One service the council offers online.
struct Service {
    title: &'static str,
    href: &'static str,
    summary: &'static str,
}

/// The services the demo serves; each service's issue adds its entry.
const SERVICES: &[Service] = &[];

pub(crate) async fn home(State(config): State<Arc<Config>>) -> Markup {
    let council = config.council_name.as_str();
    html! {
        (DOCTYPE)
        html lang="en" class="govuk-template" {
            head {
                meta charset="utf-8";
                title { (council) }
                meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover";
            }
            body class="govuk-template__body" {
                a href="#main-content" class="govuk-skip-link" { "Skip to main content" }
                header class="govuk-header" {
                    div class="govuk-header__container govuk-width-container" {
                        span class="govuk-header__link govuk-header__link--homepage" { (council) }
                    }
                }
                div class="govuk-width-container" {
                    main class="govuk-main-wrapper" id="main-content" {
                        h1 class="govuk-heading-xl" { (council) }
                        h2 class="govuk-heading-m" { "Services" }
                        @if SERVICES.is_empty() {
                            p class="govuk-body" { "There are no online services yet." }
                        } @else {
                            ul class="govuk-list" {
                                @for service in SERVICES {
                                    li {
                                        a class="govuk-link" href=(service.href) { (service.title) }
                                        p class="govuk-body" { (service.summary) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

//! The home page: the council's name and the list of its online services, in the council's
//! brand, in English or Welsh.

use std::sync::Arc;

use axum::extract::State;
use civic_components::i18n::Language;
use maud::{Markup, html};

use crate::services::title;
use crate::site::Site;

pub(crate) async fn home(State(site): State<Arc<Site>>, language: Language) -> Markup {
    let welsh = language == Language::Welsh;
    let council = site.config.council_name.as_str();
    let suffix = if welsh { "?lang=cy" } else { "" };
    let content = html! {
        h1 class="govuk-heading-xl" { (council) }
        h2 class="govuk-heading-m" { @if welsh { "Gwasanaethau" } @else { "Services" } }
        ul class="govuk-list" {
            @for (service, form) in &site.services {
                li {
                    a class="govuk-link govuk-!-font-weight-bold" href={ "/" (service.slug) (suffix) } {
                        (title(form, language))
                    }
                    p class="govuk-body" { (service.summary.get(language)) }
                }
            }
        }
    };
    site.page(language, council, "/", content)
}
